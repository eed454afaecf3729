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
        File.WriteAllBytes(Path.Combine(data, "masks", stem + maskExtension), EncodeMask(mask, maskExtension));
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

    /// <summary>The image as a JPEG (.jpg/.jpeg) or PNG file's bytes.</summary>
    public static byte[] Encode(RgbImage image, string extension)
    {
        EncodedImages.Pixel pixel = (x, y) =>
        {
            var i = (y * image.Width + x) * 3;
            return (image.Pixels[i], image.Pixels[i + 1], image.Pixels[i + 2]);
        };
        return extension.ToLowerInvariant() is ".png"
            ? EncodedImages.Png(image.Width, image.Height, pixel)
            : EncodedImages.Jpeg(image.Width, image.Height, pixel);
    }

    private static byte[] EncodeMask(GrayImage mask, string extension) => extension.ToLowerInvariant() is ".png"
        ? EncodedImages.GreyPng(mask.Width, mask.Height, (x, y) => mask.Pixels[y * mask.Width + x])
        : EncodedImages.GreyJpeg(mask.Width, mask.Height, (x, y) => mask.Pixels[y * mask.Width + x]);
}
