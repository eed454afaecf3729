using SkiaSharp;

namespace Wms.Core.Synthetic;

/// <summary>
/// What the camera and the room do to the picture: uneven light and colour cast, then blur and
/// sensor noise, then JPEG loss. <see cref="SyntheticOptions.NoiseLevel"/> scales all of them.
/// </summary>
internal sealed record PhotoEffects(float Darkening, float Vignette, SKColor Tint, float BlurSigma, float NoiseSigma, int JpegQuality)
{
    public static PhotoEffects Draw(SynthRandom rng, double level, int width, int height)
    {
        var strength = (float)Math.Min(level, 2.5);
        var pixels = Math.Min(width, height) / 600f;
        var tint = rng.Chance(0.5)
            ? new SKColor((byte)rng.Int(225, 255), (byte)rng.Int(225, 255), (byte)rng.Int(215, 255))
            : SKColors.White;
        return new PhotoEffects(
            Darkening: strength * rng.Range(0, 0.35),
            Vignette: strength * rng.Range(0, 0.25),
            Tint: strength > 0 ? tint : SKColors.White,
            BlurSigma: (float)level * rng.Range(0, 1.1) * pixels,
            NoiseSigma: (float)level * rng.Range(1, 5),
            JpegQuality: (int)Math.Clamp(Math.Round(95 - level * rng.Range(5, 22)), 20, 95));
    }

    /// <summary>Light falls off across the photo (a gradient), at the corners (a vignette), and is slightly coloured.</summary>
    public void Light(SKCanvas canvas, SynthRandom rng, int width, int height)
    {
        using var paint = new SKPaint { BlendMode = SKBlendMode.Multiply };
        var dark = (byte)(255 * (1 - Darkening));
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(rng.Range(0, width), rng.Range(0, height)),
            new SKPoint(rng.Range(0, width), rng.Range(0, height)),
            [new SKColor(dark, dark, dark), SKColors.White], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, width, height, paint);
        var edge = (byte)(255 * (1 - Vignette));
        paint.Shader = SKShader.CreateRadialGradient(new SKPoint(width / 2f, height / 2f), MathF.Sqrt(width * width + height * height) / 2,
            [SKColors.White, new SKColor(edge, edge, edge)], [0.5f, 1], SKShaderTileMode.Clamp);
        canvas.DrawRect(0, 0, width, height, paint);
        paint.Shader = null;
        paint.Color = Tint;
        canvas.DrawRect(0, 0, width, height, paint);
    }

    /// <summary>The photo blurred by <see cref="BlurSigma"/> pixels (edges clamped), or itself when sharp.</summary>
    public SKBitmap Blur(SKBitmap photo)
    {
        if (BlurSigma < 0.2f) return photo;
        var blurred = new SKBitmap(photo.Info);
        using var canvas = new SKCanvas(blurred);
        using var paint = new SKPaint { ImageFilter = SKImageFilter.CreateBlur(BlurSigma, BlurSigma, SKShaderTileMode.Clamp, null) };
        canvas.DrawBitmap(photo, 0, 0, SKSamplingOptions.Default, paint);
        photo.Dispose();
        return blurred;
    }

    /// <summary>Gaussian-like sensor noise on every channel (sum of four uniforms: cheap and close enough).</summary>
    public void AddNoise(byte[] rgb, SynthRandom rng)
    {
        if (NoiseSigma <= 0) return;
        // Four 16-bit uniforms from one draw; their sum has variance 4/12, hence the sqrt(3).
        var scale = NoiseSigma * MathF.Sqrt(3) / 65536f;
        for (var i = 0; i < rgb.Length; i++)
        {
            var bits = rng.NextUInt64();
            var sum = (int)(bits & 0xFFFF) + (int)((bits >> 16) & 0xFFFF) + (int)((bits >> 32) & 0xFFFF) + (int)(bits >> 48) - 131070;
            rgb[i] = (byte)Math.Clamp(rgb[i] + (int)MathF.Round(sum * scale), 0, 255);
        }
    }
}
