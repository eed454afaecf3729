using Wms.Core.Imaging;
using Wms.Tests.Shared.Onnx;

namespace Wms.Tests.Shared;

/// <summary>
/// Hand-checkable evaluation data: square photos of three vertical stripes, red (first quarter),
/// green (second quarter) and blue (right half), whose true mask is the left half (red and green);
/// and tiny ONNX colour-rule models whose masks are known exactly. With pure colours the
/// preprocessing's stretch and median change nothing, so on a size x size photo:
/// <see cref="Perfect"/> scores Dice 1, <see cref="Everything"/> Dice 2/3 and IoU 1/2, <see cref="Inverse"/> Dice 0.
/// </summary>
public static class StripePhotos
{
    public static byte[] Perfect(int size) => TinyOnnx.ColourRule(10, 10, -10, 0, size);

    public static byte[] Everything(int size) => TinyOnnx.ColourRule(0, 0, 0, 10, size);

    public static byte[] Inverse(int size) => TinyOnnx.ColourRule(-10, -10, 10, 0, size);

    public static (RgbImage Photo, GrayImage Mask) Scene(int size)
    {
        var photo = new RgbImage(size, size);
        var mask = new GrayImage(size, size);
        for (var y = 0; y < size; y++)
            for (var x = 0; x < size; x++)
            {
                var channel = x < size / 4 ? 0 : x < size / 2 ? 1 : 2;
                photo.Pixels[(y * size + x) * 3 + channel] = 255;
                mask.Pixels[y * size + x] = x < size / 2 ? (byte)255 : (byte)0;
            }
        return (photo, mask);
    }

    /// <summary>Writes <c>data/images/STEM.png</c> and <c>data/masks/STEM.png</c> for each stem; returns the data folder.</summary>
    public static string WriteDataset(string root, IEnumerable<string> stems, int size = 64)
    {
        var data = Path.Combine(root, "data");
        Directory.CreateDirectory(Path.Combine(data, "images"));
        Directory.CreateDirectory(Path.Combine(data, "masks"));
        var (photo, mask) = Scene(size);
        var photoBytes = TestImages.Encode(photo, ".png");
        var maskBytes = ImageEncoder.EncodePng(mask);
        foreach (var stem in stems)
        {
            File.WriteAllBytes(Path.Combine(data, "images", stem + ".png"), photoBytes);
            File.WriteAllBytes(Path.Combine(data, "masks", stem + ".png"), maskBytes);
        }
        return data;
    }
}
