using System.Buffers.Binary;
using SkiaSharp;

namespace Wms.Serving.Tests.Fixtures;

/// <summary>
/// Photos made on the fly: a green background with a red "counter" rectangle in the middle third,
/// so <see cref="Wms.Tests.Shared.Onnx.TinyOnnx.ColourRule"/>(1, -1, 0) finds exactly the rectangle.
/// </summary>
internal static class TestPhotos
{
    public static byte[] Jpeg(int width = 320, int height = 240) => Encode(width, height, SKEncodedImageFormat.Jpeg);

    public static byte[] Png(int width = 320, int height = 240) => Encode(width, height, SKEncodedImageFormat.Png);

    public static byte[] WebP(int width = 64, int height = 48) => Encode(width, height, SKEncodedImageFormat.Webp);

    /// <summary>The smallest valid GIF (1x1, one colour).</summary>
    public static byte[] Gif() => Convert.FromBase64String("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

    /// <summary>A JPEG cut in half: its header is fine, its data ends early.</summary>
    public static byte[] TruncatedJpeg()
    {
        var full = Jpeg(640, 480);
        return full[..(full.Length / 2)];
    }

    /// <summary>
    /// A decompression bomb: a valid PNG whose header claims <paramref name="width"/> x
    /// <paramref name="height"/> pixels, in a few hundred bytes.
    /// </summary>
    public static byte[] PngBomb(int width, int height)
    {
        var png = Png(8, 8);
        // IHDR is the first chunk: length (4) + "IHDR" (4) at offset 8; width and height follow.
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(png.AsSpan(20), height);
        BinaryPrimitives.WriteUInt32BigEndian(png.AsSpan(29), Crc32(png.AsSpan(12, 17)));
        return png;
    }

    private static byte[] Encode(int width, int height, SKEncodedImageFormat format)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        using (var canvas = new SKCanvas(bitmap))
        {
            canvas.Clear(new SKColor(40, 170, 60));
            using var paint = new SKPaint { Color = new SKColor(230, 40, 30) };
            canvas.DrawRect(SKRect.Create(width / 3f, height / 3f, width / 3f, height / 3f), paint);
        }
        using var data = bitmap.Encode(format, 90);
        return data.ToArray();
    }

    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var crc = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            crc ^= b;
            for (var k = 0; k < 8; k++) crc = (crc & 1) != 0 ? 0xEDB88320u ^ (crc >> 1) : crc >> 1;
        }
        return ~crc;
    }
}
