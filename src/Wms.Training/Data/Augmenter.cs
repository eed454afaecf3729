using Wms.Core.Imaging;

namespace Wms.Training.Data;

/// <summary>
/// The original's training augmentation (REFERENCE.md §2), one random draw shared by photo and
/// mask: horizontal flip, vertical flip, rotation, then the one preprocessing's stretch and median
/// (<see cref="Preprocessing.StretchAndMedian"/>), then brightness on the photo only.
/// </summary>
public sealed class Augmenter(AugmentationOptions options)
{
    /// <summary>What was drawn for one sample; tests and logs can see it.</summary>
    public readonly record struct Draw(bool HorizontalFlip, bool VerticalFlip, double RotationDegrees, float Brightness);

    public AugmentationOptions Options => options;

    /// <summary>
    /// Draws in a fixed order (always eight numbers) so a stream gives the same draws whatever the
    /// options; the quarter turn's two came last, so streams drawn before it existed are unchanged.
    /// </summary>
    public Draw Roll(ref DeterministicRandom random)
    {
        var hflip = random.NextDouble() < options.HorizontalFlip;
        var vflip = random.NextDouble() < options.VerticalFlip;
        var rotate = random.NextDouble() < options.RotationProbability;
        var angle = random.Uniform(-options.RotationDegrees, options.RotationDegrees);
        var jitter = random.NextDouble() < options.ColorJitterProbability;
        var factor = random.Uniform(0.8, 1.2);
        var quarter = random.NextDouble() < options.QuarterTurnProbability;
        var clockwise = random.NextDouble() < 0.5;
        var degrees = (rotate && options.RotationDegrees > 0 ? angle : 0) + (quarter ? (clockwise ? -90 : 90) : 0);
        return new Draw(hflip, vflip, degrees, jitter ? (float)factor : 1f);
    }

    public AugmentedSample Apply(CachedSample sample, DeterministicRandom random)
    {
        var draw = Roll(ref random);
        var (photo, mask) = Geometry(sample.Photo, sample.Mask, draw);
        return new AugmentedSample(Preprocessing.StretchAndMedian(photo), mask, draw.Brightness);
    }

    /// <summary>The flips and the rotation, applied to photo and mask alike.</summary>
    public static (RgbImage Photo, byte[] Mask) Geometry(RgbImage photo, byte[] mask, Draw draw)
    {
        int w = photo.Width, h = photo.Height;
        if (draw.HorizontalFlip)
        {
            photo = Flip(photo, horizontal: true);
            mask = Flip(mask, w, h, 1, horizontal: true);
        }
        if (draw.VerticalFlip)
        {
            photo = Flip(photo, horizontal: false);
            mask = Flip(mask, w, h, 1, horizontal: false);
        }
        if (draw.RotationDegrees != 0)
        {
            photo = ImageRotation.Bilinear(photo, draw.RotationDegrees);
            mask = ImageRotation.Nearest(mask, w, h, draw.RotationDegrees);
        }
        return (photo, mask);
    }

    private static RgbImage Flip(RgbImage image, bool horizontal) =>
        new(image.Width, image.Height, Flip(image.Pixels, image.Width, image.Height, 3, horizontal));

    private static byte[] Flip(byte[] pixels, int w, int h, int channels, bool horizontal)
    {
        var dst = new byte[pixels.Length];
        var stride = w * channels;
        for (var y = 0; y < h; y++)
        {
            var srcRow = pixels.AsSpan((horizontal ? y : h - 1 - y) * stride, stride);
            var dstRow = dst.AsSpan(y * stride, stride);
            if (!horizontal)
            {
                srcRow.CopyTo(dstRow);
                continue;
            }
            for (var x = 0; x < w; x++)
                srcRow.Slice((w - 1 - x) * channels, channels).CopyTo(dstRow.Slice(x * channels, channels));
        }
        return dst;
    }
}
