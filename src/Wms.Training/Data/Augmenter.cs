using Wms.Core.Imaging;

namespace Wms.Training.Data;

/// <summary>
/// The original's training augmentation (REFERENCE.md §2), one random draw shared by photo and
/// mask: horizontal flip, vertical flip, rotation and zoom, then the one preprocessing's stretch and median
/// (<see cref="Preprocessing.StretchAndMedian"/>), then brightness on the photo only.
/// </summary>
public sealed class Augmenter(AugmentationOptions options)
{
    /// <summary>What was drawn for one sample; tests and logs can see it.</summary>
    public readonly record struct Draw(bool HorizontalFlip, bool VerticalFlip, double RotationDegrees, float Brightness,
        bool CropOnCounter = false, double CropX = 0, double CropY = 0, double Scale = 1);

    public AugmentationOptions Options => options;

    /// <summary>
    /// Draws in a fixed order (always thirteen numbers) so a stream gives the same draws whatever the
    /// options; the quarter turn's two, then the crop's three, then the zoom's two came last, so
    /// streams drawn before they existed are unchanged.
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
        var onCounter = random.NextDouble() < options.CropOnCounterProbability;
        var cropX = random.NextDouble();
        var cropY = random.NextDouble();
        var zoom = random.NextDouble() < options.ScaleProbability;
        var scale = random.Uniform(1 - options.ScaleLimit, 1 + options.ScaleLimit);
        var degrees = (rotate && options.RotationDegrees > 0 ? angle : 0) + (quarter ? (clockwise ? -90 : 90) : 0);
        return new Draw(hflip, vflip, degrees, jitter ? (float)factor : 1f, onCounter, cropX, cropY, zoom ? scale : 1);
    }

    /// <summary>The side of the samples <see cref="Apply"/> makes from cached photos of side <paramref name="size"/>.</summary>
    public int OutputSize(int size) => options.CropSize is { } crop ? Math.Min(crop, size) : size;

    public AugmentedSample Apply(CachedSample sample, DeterministicRandom random)
    {
        var draw = Roll(ref random);
        var size = sample.Size;
        var crop = OutputSize(size);
        var mask = Geometry(sample.Mask, size, size, draw);
        if (crop < size && options.CropFitsCounter && draw.CropOnCounter)
            (draw, mask) = FitCounter(sample.Mask, size, crop, draw, mask);
        // The photo is resampled once, with the final zoom: the mask alone (nearest) finds it.
        var chw = Preprocessing.StretchAndMedian(Geometry(sample.Photo, draw));
        if (crop == size) return new AugmentedSample(chw, mask, draw.Brightness);
        var (left, top) = CropWindow(mask, size, crop, draw);
        return new AugmentedSample(Cut(chw, size, 3, crop, left, top), Cut(mask, size, 1, crop, left, top), draw.Brightness);
    }

    /// <summary>At most this many zooms out to fit a counter; the first is enough unless the drawn geometry pushed part of the counter out of the frame.</summary>
    private const int MaxFitPasses = 3;

    /// <summary>
    /// Pixels a fitted counter may exceed its length by after nearest-neighbour resampling before it
    /// is fitted again: only a counter that came back into the frame grows by more. Without it, most
    /// fitted windows would be shrunk again by a pixel's worth, unlike those runs 19 and 20 trained on.
    /// </summary>
    private const int RoundingSlack = 2;

    /// <summary>
    /// The draw with one more zoom factor that makes the counter's longest side fit
    /// <see cref="AugmentationOptions.CounterFitShare"/> of the window, and the mask under it.
    /// The box is measured on the transformed mask, where a drawn zoom or rotation may have pushed
    /// part of the counter out of the frame: zooming out brings that part back, so it is measured again.
    /// </summary>
    private static (Draw Draw, byte[] Mask) FitCounter(byte[] cachedMask, int size, int crop, Draw draw, byte[] mask)
    {
        for (var pass = 0; pass < MaxFitPasses && FitScale(mask, size, crop, pass == 0 ? 0 : RoundingSlack) is { } shrink; pass++)
        {
            draw = draw with { Scale = draw.Scale * shrink };
            mask = Geometry(cachedMask, size, size, draw);
        }
        return (draw, mask);
    }

    /// <summary>
    /// Where the crop's top-left corner goes: over the counter's bounding box (holding all of it when
    /// it fits, inside it when not) when the draw says so and the mask has a counter, else anywhere.
    /// </summary>
    public static (int Left, int Top) CropWindow(byte[] mask, int size, int crop, Draw draw)
    {
        var span = size - crop;
        if (draw.CropOnCounter && CounterBox(mask, size) is var (x0, y0, x1, y1))
            return (Place(x0, x1, crop, span, draw.CropX), Place(y0, y1, crop, span, draw.CropY));
        return (Pick(0, span, draw.CropX), Pick(0, span, draw.CropY));
    }

    /// <summary>
    /// The zoom that makes the counter's longest side <see cref="AugmentationOptions.CounterFitShare"/>
    /// of the window, when it is longer than that by more than <paramref name="slack"/> pixels; null when it fits or there is no counter.
    /// </summary>
    private static double? FitScale(byte[] mask, int size, int crop, int slack)
    {
        if (CounterBox(mask, size) is not var (x0, y0, x1, y1)) return null;
        var longest = Math.Max(x1 - x0, y1 - y0) + 1;
        var fitted = AugmentationOptions.CounterFitShare * crop;
        return longest > fitted + slack ? fitted / longest : null;
    }

    /// <summary>A start in [lo, hi] whose window [start, start + crop) holds [first, last], or lies within it when longer.</summary>
    private static int Place(int first, int last, int crop, int span, double u)
    {
        var lo = Math.Max(0, Math.Min(first, last - crop + 1));
        var hi = Math.Min(span, Math.Max(first, last - crop + 1));
        return Pick(lo, hi, u);
    }

    private static int Pick(int lo, int hi, double u) => Math.Min(hi, lo + (int)(u * (hi - lo + 1)));

    private static (int X0, int Y0, int X1, int Y1)? CounterBox(byte[] mask, int size)
    {
        int x0 = size, y0 = size, x1 = -1, y1 = -1;
        for (var y = 0; y < size; y++)
        {
            var row = mask.AsSpan(y * size, size);
            var first = row.IndexOfAnyExcept((byte)0);
            if (first < 0) continue;
            var last = row.LastIndexOfAnyExcept((byte)0);
            (x0, x1) = (Math.Min(x0, first), Math.Max(x1, last));
            (y0, y1) = (Math.Min(y0, y), y);
        }
        return x1 < 0 ? null : (x0, y0, x1, y1);
    }

    /// <summary>The crop x crop window at (left, top) of a planar image of <paramref name="planes"/> size x size planes.</summary>
    private static byte[] Cut(byte[] pixels, int size, int planes, int crop, int left, int top)
    {
        var dst = new byte[planes * crop * crop];
        for (var p = 0; p < planes; p++)
            for (var y = 0; y < crop; y++)
                pixels.AsSpan(p * size * size + (top + y) * size + left, crop).CopyTo(dst.AsSpan((p * crop + y) * crop, crop));
        return dst;
    }

    /// <summary>The flips, the rotation and the zoom, applied to photo and mask alike.</summary>
    public static (RgbImage Photo, byte[] Mask) Geometry(RgbImage photo, byte[] mask, Draw draw) =>
        (Geometry(photo, draw), Geometry(mask, photo.Width, photo.Height, draw));

    private static RgbImage Geometry(RgbImage photo, Draw draw)
    {
        if (draw.HorizontalFlip) photo = Flip(photo, horizontal: true);
        if (draw.VerticalFlip) photo = Flip(photo, horizontal: false);
        return draw.RotationDegrees != 0 || draw.Scale != 1 ? RotationAndZoom.Bilinear(photo, draw.RotationDegrees, draw.Scale) : photo;
    }

    private static byte[] Geometry(byte[] mask, int w, int h, Draw draw)
    {
        if (draw.HorizontalFlip) mask = Flip(mask, w, h, 1, horizontal: true);
        if (draw.VerticalFlip) mask = Flip(mask, w, h, 1, horizontal: false);
        return draw.RotationDegrees != 0 || draw.Scale != 1 ? RotationAndZoom.Nearest(mask, w, h, draw.RotationDegrees, draw.Scale) : mask;
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
