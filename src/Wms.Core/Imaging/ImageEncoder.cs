using SkiaSharp;

namespace Wms.Core.Imaging;

/// <summary>Encodes <see cref="RgbImage"/> and <see cref="GrayImage"/> as PNG or JPEG with SkiaSharp.</summary>
public static class ImageEncoder
{
    /// <summary>An 8-bit RGB PNG.</summary>
    public static byte[] EncodePng(RgbImage image)
    {
        using var bitmap = SkiaImages.ToBitmap(image);
        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>An 8-bit greyscale PNG with exactly the given grey levels.</summary>
    public static byte[] EncodePng(GrayImage image)
    {
        using var bitmap = SkiaImages.ToBitmap(image);
        return Encode(bitmap, SKEncodedImageFormat.Png, 100);
    }

    /// <summary>A baseline JPEG; <paramref name="quality"/> is 1..100.</summary>
    public static byte[] EncodeJpeg(RgbImage image, int quality = 90)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(quality, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(quality, 100);
        using var bitmap = SkiaImages.ToBitmap(image);
        return Encode(bitmap, SKEncodedImageFormat.Jpeg, quality);
    }

    internal static byte[] Encode(SKBitmap bitmap, SKEncodedImageFormat format, int quality)
    {
        using var data = bitmap.Encode(format, quality)
            ?? throw new InvalidOperationException($"SkiaSharp could not encode a {bitmap.Width}x{bitmap.Height} {bitmap.ColorType} image as {format}");
        return data.ToArray();
    }
}
