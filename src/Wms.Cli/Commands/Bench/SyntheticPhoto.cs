using SkiaSharp;

namespace Wms.Cli.Commands.Bench;

/// <summary>A phone-sized JPEG (1536x2048, quality 90) of smooth noise, for benchmarks without real photos.</summary>
internal static class SyntheticPhoto
{
    public static byte[] Jpeg(int width = 1536, int height = 2048, int seed = 1)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(new SKImageInfo(width, height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var pixels = new byte[width * height * 4];
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var i = (y * width + x) * 4;
            pixels[i] = (byte)(x * 200 / width + random.Next(40));
            pixels[i + 1] = (byte)(y * 200 / height + random.Next(40));
            pixels[i + 2] = (byte)((x + y) * 100 / (width + height) + random.Next(40));
            pixels[i + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(pixels, 0, bitmap.GetPixels(), pixels.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
