using SkiaSharp;
using Wms.Core.Imaging;

namespace Wms.Training.Tests.Inference;

/// <summary>Synthetic photos: smooth gradients with a bright bar, like a counter on a dial.</summary>
internal static class TestImages
{
    public static RgbImage Meter(int width, int height, int seed)
    {
        var random = new Random(seed);
        var image = new RgbImage(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
        {
            var i = (y * width + x) * 3;
            var bar = y > height * 2 / 5 && y < height * 3 / 5 && x > width / 5 && x < width * 4 / 5;
            image.Pixels[i] = (byte)(bar ? 230 : x * 180 / width + random.Next(20));
            image.Pixels[i + 1] = (byte)(bar ? 220 : y * 160 / height + random.Next(20));
            image.Pixels[i + 2] = (byte)(bar ? 40 : 90 + random.Next(30));
        }
        return image;
    }

    public static byte[] Png(RgbImage image)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = new byte[image.Width * image.Height * 4];
        for (int i = 0, j = 0; j < image.Pixels.Length; i += 4, j += 3)
        {
            (rgba[i], rgba[i + 1], rgba[i + 2], rgba[i + 3]) = (image.Pixels[j], image.Pixels[j + 1], image.Pixels[j + 2], 255);
        }
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
