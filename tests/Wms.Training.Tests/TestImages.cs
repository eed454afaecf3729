using SkiaSharp;
using Wms.Core.Imaging;

namespace Wms.Tests.Shared;

/// <summary>Small real image files for tests: a bright rectangle on noise, and its exact mask.</summary>
public static class TestImages
{
    /// <summary>Writes <c>images/</c> and <c>masks/</c> with <paramref name="count"/> pairs; returns the data folder.</summary>
    public static string CreateDataset(string root, int count, int width = 96, int height = 80, int seed = 1)
    {
        var data = Path.Combine(root, "data");
        for (var i = 0; i < count; i++)
            WritePair(data, $"meter_{i:D3}", width, height, seed * 1000 + i);
        return data;
    }

    /// <summary>One pair: <c>images/stem.jpg</c> (or the extension given) and <c>masks/stem.png</c>.</summary>
    public static void WritePair(string data, string stem, int width, int height, int seed, string photoExtension = ".jpg", string maskExtension = ".png")
    {
        var (photo, mask) = Scene(width, height, seed);
        Directory.CreateDirectory(Path.Combine(data, "images"));
        Directory.CreateDirectory(Path.Combine(data, "masks"));
        File.WriteAllBytes(Path.Combine(data, "images", stem + photoExtension), Encode(photo, photoExtension));
        File.WriteAllBytes(Path.Combine(data, "masks", stem + maskExtension), Encode(Grey(mask), maskExtension));
    }

    /// <summary>A noisy dark photo with a bright rectangle somewhere, and the rectangle as a 0/255 mask.</summary>
    public static (RgbImage Photo, GrayImage Mask) Scene(int width, int height, int seed)
    {
        var random = new Random(seed);
        var photo = new RgbImage(width, height);
        var mask = new GrayImage(width, height);
        int rw = width / 3 + random.Next(width / 4), rh = height / 4 + random.Next(height / 4);
        int rx = random.Next(width - rw), ry = random.Next(height - rh);
        for (var y = 0; y < height; y++)
            for (var x = 0; x < width; x++)
            {
                var inside = x >= rx && x < rx + rw && y >= ry && y < ry + rh;
                mask.Pixels[y * width + x] = inside ? (byte)255 : (byte)0;
                for (var c = 0; c < 3; c++)
                    photo.Pixels[(y * width + x) * 3 + c] = (byte)(inside ? 190 + random.Next(60) : 20 + random.Next(90));
            }
        return (photo, mask);
    }

    public static RgbImage Grey(GrayImage g)
    {
        var rgb = new RgbImage(g.Width, g.Height);
        for (var i = 0; i < g.Pixels.Length; i++)
            rgb.Pixels[i * 3] = rgb.Pixels[i * 3 + 1] = rgb.Pixels[i * 3 + 2] = g.Pixels[i];
        return rgb;
    }

    public static byte[] Encode(RgbImage image, string extension)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = new byte[image.Width * image.Height * 4];
        for (int i = 0, j = 0; j < image.Pixels.Length; i += 4, j += 3)
        {
            rgba[i] = image.Pixels[j];
            rgba[i + 1] = image.Pixels[j + 1];
            rgba[i + 2] = image.Pixels[j + 2];
            rgba[i + 3] = 255;
        }
        System.Runtime.InteropServices.Marshal.Copy(rgba, 0, bitmap.GetPixels(), rgba.Length);
        var format = extension.ToLowerInvariant() is ".png" ? SKEncodedImageFormat.Png : SKEncodedImageFormat.Jpeg;
        using var data = bitmap.Encode(format, 95);
        return data.ToArray();
    }

    /// <summary>A JPEG with an EXIF APP1 segment carrying <paramref name="orientation"/> (1 to 8), inserted after SOI.</summary>
    public static byte[] WithExifOrientation(byte[] jpeg, int orientation)
    {
        byte[] tiff =
        [
            (byte)'M', (byte)'M', 0, 42, 0, 0, 0, 8, // big-endian TIFF header, IFD at 8
            0, 1,                                   // one entry
            0x01, 0x12, 0, 3, 0, 0, 0, 1,           // Orientation, SHORT, count 1
            0, (byte)orientation, 0, 0,             // value
            0, 0, 0, 0,                             // no next IFD
        ];
        byte[] exif = [.. "Exif\0\0"u8, .. tiff];
        var length = exif.Length + 2;
        byte[] segment = [0xFF, 0xE1, (byte)(length >> 8), (byte)length, .. exif];
        return [.. jpeg.AsSpan(0, 2), .. segment, .. jpeg.AsSpan(2)];
    }
}
