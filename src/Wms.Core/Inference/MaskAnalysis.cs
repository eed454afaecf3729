using Wms.Core.Imaging;
using Wms.Core.Models;

namespace Wms.Core.Inference;

/// <summary>From logits to a mask and what is reported about it.</summary>
public static class MaskAnalysis
{
    /// <summary>255 where sigmoid(logit) &gt; 0.5 (computed as the original did, in float), else 0.</summary>
    public static GrayImage Threshold(ReadOnlySpan<float> logits, int width, int height)
    {
        var mask = new GrayImage(width, height);
        var pixels = mask.Pixels;
        for (var i = 0; i < pixels.Length; i++)
            pixels[i] = 1f / (1f + MathF.Exp(-logits[i])) > ModelContract.Threshold ? (byte)255 : (byte)0;
        return mask;
    }

    /// <summary>
    /// One photo's predicted mask, the rule serving, <c>wms predict</c> and <c>wms eval</c> share: the
    /// logits (<paramref name="inputSize"/>²) thresholded at sigmoid &gt; 0.5 when the mask is at the
    /// input size, else their probabilities resized bilinearly to <paramref name="maskSize"/>² first;
    /// then <paramref name="postprocess"/>. Foreground pixels get <paramref name="foreground"/>.
    /// </summary>
    public static byte[] Predicted(ReadOnlySpan<float> logits, int inputSize, int maskSize, MaskPostprocess postprocess, byte foreground)
    {
        var mask = new byte[maskSize * maskSize];
        if (inputSize == maskSize)
        {
            for (var i = 0; i < mask.Length; i++)
                mask[i] = 1f / (1f + MathF.Exp(-logits[i])) > ModelContract.Threshold ? foreground : (byte)0;
        }
        else
        {
            var probabilities = Evaluation.ProbabilityResize.Probabilities(logits, inputSize, maskSize);
            for (var i = 0; i < mask.Length; i++) mask[i] = probabilities[i] > ModelContract.Threshold ? foreground : (byte)0;
        }
        LargestRegion.Apply(postprocess, mask, maskSize);
        return mask;
    }

    /// <summary>Share of non-zero pixels, in percent.</summary>
    public static double CoveragePercent(GrayImage mask)
    {
        var count = 0;
        foreach (var p in mask.Pixels) if (p != 0) count++;
        return mask.Pixels.Length == 0 ? 0 : 100.0 * count / mask.Pixels.Length;
    }

    /// <summary>The smallest box holding every foreground pixel, or null for an empty mask.</summary>
    public static MaskBox? BoundingBox(GrayImage mask)
    {
        int minX = int.MaxValue, minY = int.MaxValue, maxX = -1, maxY = -1;
        for (var y = 0; y < mask.Height; y++)
        {
            var row = mask.Pixels.AsSpan(y * mask.Width, mask.Width);
            var first = row.IndexOfAnyExcept((byte)0);
            if (first < 0) continue;
            var last = row.LastIndexOfAnyExcept((byte)0);
            (minX, maxX) = (Math.Min(minX, first), Math.Max(maxX, last));
            (minY, maxY) = (Math.Min(minY, y), y);
        }
        return maxX < 0 ? null : new MaskBox(minX, minY, maxX - minX + 1, maxY - minY + 1);
    }

    /// <summary>
    /// Where a box of a mask lands when the mask is resized to the photo with Pillow's nearest
    /// neighbour (<see cref="PilResize.Nearest"/>): the photo pixels whose source pixel is inside it.
    /// </summary>
    public static MaskBox ToPhoto(MaskBox box, int maskWidth, int maskHeight, int photoWidth, int photoHeight)
    {
        var (x0, x1) = Span(box.X, box.X + box.Width - 1, maskWidth, photoWidth);
        var (y0, y1) = Span(box.Y, box.Y + box.Height - 1, maskHeight, photoHeight);
        return new MaskBox(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
    }

    private static (int First, int Last) Span(int from, int to, int sourceLength, int targetLength)
    {
        var scale = (double)sourceLength / targetLength;
        int first = -1, last = -1;
        for (var t = 0; t < targetLength; t++)
        {
            var s = Math.Min((int)((t + 0.5) * scale), sourceLength - 1);
            if (s < from) continue;
            if (s > to) break;
            if (first < 0) first = t;
            last = t;
        }
        // A box thinner than one photo pixel (photo smaller than the mask) still covers the pixel it falls in.
        if (first < 0) first = last = Math.Min((int)(from / scale), targetLength - 1);
        return (first, last);
    }
}
