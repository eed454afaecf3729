using SkiaSharp;
using Wms.Core.Drawing;

namespace Wms.Core.Synthetic;

/// <summary>The room behind the meter: a wall (plain or tiled), stains, stray cables and labels, and the pipe.</summary>
internal static class BackgroundPainter
{
    public static void Paint(SKCanvas canvas, SynthRandom rng, MeterLayout layout)
    {
        var (w, h) = (layout.Width, layout.Height);
        var size = Math.Min(w, h);
        var wall = Palette.Pick(rng, Palette.Walls, 25);
        using (var paint = new SKPaint())
        {
            paint.Shader = SKShader.CreateLinearGradient(new SKPoint(rng.Range(0, w), 0), new SKPoint(rng.Range(0, w), h),
                [Palette.Shade(wall, rng.Range(0.7, 1.2)), Palette.Shade(wall, rng.Range(0.7, 1.2))], SKShaderTileMode.Clamp);
            canvas.DrawRect(0, 0, w, h, paint);
        }
        if (rng.Chance(0.5)) Tiles(canvas, rng, w, h, size, wall);
        for (var i = rng.Int(0, 3); i > 0; i--) Stain(canvas, rng, w, h, size);
        for (var i = rng.Int(0, 2); i > 0; i--) Cable(canvas, rng, w, h, size);
        if (rng.Chance(0.25)) Sticker(canvas, rng, w, h, size);
    }

    /// <summary>The pipe the meter sits on, and the meter's shadow, in meter coordinates.</summary>
    public static void PaintPipe(SKCanvas canvas, SynthRandom rng)
    {
        var color = Palette.Pick(rng, Palette.Pipes);
        var width = rng.Range(0.3, 0.55);
        var turn = rng.Chance(0.25) ? 90 : 0;
        canvas.Save();
        canvas.RotateDegrees(turn);
        Cylinder(canvas, color, SKRect.Create(-width / 2, -4, width, 8));
        var nut = Palette.Jitter(rng, Palette.Pipes[0]);
        foreach (var y in new[] { -1.15f, 1.0f })
            Cylinder(canvas, nut, SKRect.Create(-width * 0.8f, y, width * 1.6f, rng.Range(0.12, 0.25)));
        canvas.Restore();

        using var shadow = new SKPaint
        {
            Color = new SKColor(0, 0, 0, (byte)rng.Int(60, 140)),
            IsAntialias = true,
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, rng.Range(0.04, 0.12)),
        };
        canvas.DrawCircle(rng.Range(-0.12, 0.12), rng.Range(-0.12, 0.12), 1.04f, shadow);
    }

    /// <summary>A rectangle shaded dark-light-dark across its width, so it reads as a round pipe.</summary>
    public static void Cylinder(SKCanvas canvas, SKColor color, SKRect rect)
    {
        using var paint = new SKPaint { IsAntialias = true };
        paint.Shader = SKShader.CreateLinearGradient(new SKPoint(rect.Left, 0), new SKPoint(rect.Right, 0),
            [Palette.Shade(color, 0.45f), Palette.Shade(color, 1.15f), color, Palette.Shade(color, 0.4f)],
            [0, 0.35f, 0.6f, 1], SKShaderTileMode.Clamp);
        canvas.DrawRect(rect, paint);
    }

    private static void Tiles(SKCanvas canvas, SynthRandom rng, int w, int h, int size, SKColor wall)
    {
        var step = size * rng.Range(0.15, 0.35);
        using var grout = new SKPaint
        {
            Color = Palette.Shade(wall, rng.Chance(0.5) ? 0.75f : 1.2f),
            StrokeWidth = Math.Max(1, size * rng.Range(0.004, 0.01)),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
        };
        canvas.Save();
        canvas.RotateDegrees(rng.Range(-4, 4), w / 2f, h / 2f);
        var offset = rng.Range(0, step);
        for (var x = offset - w; x < 2 * w; x += step) canvas.DrawLine(x, -h, x, 2 * h, grout);
        for (var y = offset - h; y < 2 * h; y += step) canvas.DrawLine(-w, y, 2 * w, y, grout);
        canvas.Restore();
    }

    private static void Stain(SKCanvas canvas, SynthRandom rng, int w, int h, int size)
    {
        using var paint = new SKPaint
        {
            Color = Palette.Pick(rng, Palette.Walls, 60).WithAlpha((byte)rng.Int(40, 120)),
            IsAntialias = true,
            MaskFilter = SKMaskFilter.CreateBlur(SKBlurStyle.Normal, size * 0.02f),
        };
        canvas.DrawOval(rng.Range(0, w), rng.Range(0, h), size * rng.Range(0.05, 0.3), size * rng.Range(0.05, 0.3), paint);
    }

    private static void Cable(SKCanvas canvas, SynthRandom rng, int w, int h, int size)
    {
        using var builder = new SKPathBuilder();
        builder.MoveTo(rng.Range(-0.1, 1.1) * w, -10);
        builder.CubicTo(rng.Range(0, w), rng.Range(0, h), rng.Range(0, w), rng.Range(0, h), rng.Range(-0.1, 1.1) * w, h + 10);
        using var path = builder.Detach();
        using var paint = new SKPaint
        {
            Color = Palette.Pick(rng, Palette.Pipes, 40),
            StrokeWidth = size * rng.Range(0.005, 0.03),
            IsAntialias = true,
            Style = SKPaintStyle.Stroke,
        };
        canvas.DrawPath(path, paint);
    }

    /// <summary>A label with printed numbers: digits that are NOT the counter, so the model must learn the window.</summary>
    private static void Sticker(SKCanvas canvas, SynthRandom rng, int w, int h, int size)
    {
        var rect = SKRect.Create(rng.Range(0, w * 0.8), rng.Range(0, h * 0.85), size * rng.Range(0.15, 0.3), size * rng.Range(0.06, 0.12));
        using var paint = new SKPaint { Color = Palette.Jitter(rng, new SKColor(0xf0, 0xf0, 0xe8)), IsAntialias = true };
        canvas.DrawRect(rect, paint);
        var text = TextMaker.Digits(rng, rng.Int(4, 8));
        var cap = Math.Min(rect.Height * 0.45f, rect.Width * 0.85f / text.Length);
        StrokeFont.Draw(canvas, text, rect.MidX, rect.MidY + cap / 2, cap, new SKColor(20, 20, 20), TextAnchor.Center);
    }
}
