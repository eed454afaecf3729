using SkiaSharp;
using Wms.Core.Imaging;

namespace Wms.Core.Reporting;

/// <summary>A photo with a mask tinted over it, for people to check a prediction at a glance.</summary>
public static class MaskOverlay
{
    /// <summary>Semi-transparent green: the default tint for a predicted counter.</summary>
    public static readonly SKColor Green = new(0x00, 0xd0, 0x40);

    /// <summary>Semi-transparent red, for errors or a second mask.</summary>
    public static readonly SKColor Red = new(0xff, 0x20, 0x20);

    /// <summary>
    /// The photo with every mask pixel blended towards <paramref name="tint"/> by <paramref name="opacity"/>;
    /// other pixels are untouched. A mask of another size is first resized to the photo (nearest).
    /// </summary>
    public static RgbImage Render(RgbImage photo, GrayImage mask, SKColor? tint = null, float opacity = 0.45f)
    {
        if (opacity is < 0 or > 1) throw new ArgumentOutOfRangeException(nameof(opacity), opacity, "opacity is 0..1");
        var color = tint ?? Green;
        var fitted = mask.Width == photo.Width && mask.Height == photo.Height ? mask : MaskImages.Resize(mask, photo.Width, photo.Height);
        var result = new RgbImage(photo.Width, photo.Height, (byte[])photo.Pixels.Clone());
        var p = result.Pixels;
        ReadOnlySpan<float> target = [color.Red, color.Green, color.Blue];
        for (var i = 0; i < fitted.Pixels.Length; i++)
        {
            if (fitted.Pixels[i] == 0) continue;
            for (var c = 0; c < 3; c++)
                p[i * 3 + c] = (byte)MathF.Round(p[i * 3 + c] * (1 - opacity) + target[c] * opacity);
        }
        return result;
    }

    /// <summary><see cref="Render"/> as PNG bytes.</summary>
    public static byte[] RenderPng(RgbImage photo, GrayImage mask, SKColor? tint = null, float opacity = 0.45f) =>
        ImageEncoder.EncodePng(Render(photo, mask, tint, opacity));

    /// <summary><see cref="Render"/> as JPEG bytes (smaller, for large photos over HTTP).</summary>
    public static byte[] RenderJpeg(RgbImage photo, GrayImage mask, SKColor? tint = null, float opacity = 0.45f, int quality = 90) =>
        ImageEncoder.EncodeJpeg(Render(photo, mask, tint, opacity), quality);
}
