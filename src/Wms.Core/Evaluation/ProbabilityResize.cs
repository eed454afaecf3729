namespace Wms.Core.Evaluation;

/// <summary>
/// Resizes a square map of probabilities bilinearly with half-pixel centres and edge clamping,
/// as PyTorch's <c>F.interpolate(mode="bilinear", align_corners=False)</c> does: a model that
/// ran at 256 is scored on 512x512 masks by upsampling its probabilities, then thresholding at 0.5.
/// </summary>
public static class ProbabilityResize
{
    /// <summary>The probabilities (sigmoid) of <paramref name="logits"/>, <paramref name="from"/>², resized to <paramref name="to"/>².</summary>
    public static float[] Probabilities(ReadOnlySpan<float> logits, int from, int to)
    {
        var probabilities = new float[logits.Length];
        for (var i = 0; i < logits.Length; i++) probabilities[i] = 1f / (1f + MathF.Exp(-logits[i]));
        return Bilinear(probabilities, from, to);
    }

    /// <summary><paramref name="source"/> is <paramref name="from"/>² values; the result is <paramref name="to"/>².</summary>
    public static float[] Bilinear(ReadOnlySpan<float> source, int from, int to)
    {
        if (source.Length != from * from)
            throw new ArgumentException($"expected {from}x{from} values, got {source.Length}", nameof(source));
        var result = new float[to * to];
        if (from == to)
        {
            source.CopyTo(result);
            return result;
        }
        var scale = (float)from / to;
        var x0 = new int[to];
        var x1 = new int[to];
        var wx = new float[to];
        for (var i = 0; i < to; i++) (x0[i], x1[i], wx[i]) = Taps(i, scale, from);
        for (var y = 0; y < to; y++)
        {
            var (y0, y1, wy) = Taps(y, scale, from);
            var row0 = source.Slice(y0 * from, from);
            var row1 = source.Slice(y1 * from, from);
            var output = result.AsSpan(y * to, to);
            for (var x = 0; x < to; x++)
            {
                var top = row0[x0[x]] + (row0[x1[x]] - row0[x0[x]]) * wx[x];
                var bottom = row1[x0[x]] + (row1[x1[x]] - row1[x0[x]]) * wx[x];
                output[x] = top + (bottom - top) * wy;
            }
        }
        return result;
    }

    private static (int Low, int High, float Weight) Taps(int index, float scale, int size)
    {
        var position = Math.Max(0f, (index + 0.5f) * scale - 0.5f);
        var low = Math.Min((int)position, size - 1);
        var high = Math.Min(low + 1, size - 1);
        return (low, high, position - low);
    }
}
