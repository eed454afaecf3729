using SkiaSharp;

namespace Wms.Tests.Shared;

/// <summary>Real JPEG and PNG files for tests, encoded with SkiaSharp, plus an EXIF orientation writer.</summary>
public static class EncodedImages
{
    public delegate (byte R, byte G, byte B) Pixel(int x, int y);

    public static byte[] Jpeg(int width, int height, Pixel pixel, int quality = 95) => Encode(width, height, pixel, SKEncodedImageFormat.Jpeg, quality, grey: false);

    public static byte[] Png(int width, int height, Pixel pixel) => Encode(width, height, pixel, SKEncodedImageFormat.Png, 100, grey: false);

    /// <summary>A single-channel JPEG, as the real masks are.</summary>
    public static byte[] GreyJpeg(int width, int height, Func<int, int, byte> grey, int quality = 95) =>
        Encode(width, height, (x, y) => { var g = grey(x, y); return (g, g, g); }, SKEncodedImageFormat.Jpeg, quality, grey: true);

    public static byte[] GreyPng(int width, int height, Func<int, int, byte> grey) =>
        Encode(width, height, (x, y) => { var g = grey(x, y); return (g, g, g); }, SKEncodedImageFormat.Png, 100, grey: true);

    /// <summary>A photo-like colour pattern (gradients and texture, not flat).</summary>
    public static Pixel Photo(int seed = 0) => (x, y) =>
        ((byte)((x * 7 + seed * 31) % 256), (byte)((y * 5 + x * 3 + seed) % 256), (byte)((x * y + seed * 17) % 256));

    /// <summary>A mask: white inside the rectangle, black elsewhere.</summary>
    public static Func<int, int, byte> Box(int left, int top, int right, int bottom) =>
        (x, y) => x >= left && x < right && y >= top && y < bottom ? (byte)255 : (byte)0;

    /// <summary>
    /// Inserts an EXIF APP1 segment with the given orientation (1 to 8) right after the JPEG's
    /// SOI marker: a big-endian TIFF header and one IFD entry, tag 0x0112, type SHORT.
    /// </summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        if (jpeg is not [0xFF, 0xD8, ..]) throw new ArgumentException("not a JPEG", nameof(jpeg));
        byte[] app1 =
        [
            0xFF, 0xE1, 0x00, 0x22, // APP1, length 34 (the two length bytes included)
            (byte)'E', (byte)'x', (byte)'i', (byte)'f', 0, 0,
            (byte)'M', (byte)'M', 0x00, 0x2A, 0x00, 0x00, 0x00, 0x08, // TIFF header, IFD at offset 8
            0x00, 0x01, // one entry
            0x01, 0x12, 0x00, 0x03, 0x00, 0x00, 0x00, 0x01, 0x00, (byte)orientation, 0x00, 0x00, // Orientation, SHORT, 1
            0x00, 0x00, 0x00, 0x00, // no next IFD
        ];
        return [.. jpeg[..2], .. app1, .. jpeg[2..]];
    }

    private static byte[] Encode(int width, int height, Pixel pixel, SKEncodedImageFormat format, int quality, bool grey)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, grey ? SKColorType.Gray8 : SKColorType.Rgba8888, SKAlphaType.Opaque));
        for (var y = 0; y < height; y++)
        {
            for (var x = 0; x < width; x++)
            {
                var (r, g, b) = pixel(x, y);
                bitmap.SetPixel(x, y, new SKColor(r, g, b));
            }
        }
        using var data = bitmap.Encode(format, quality);
        return data.ToArray();
    }
}
