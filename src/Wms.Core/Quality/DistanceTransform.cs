namespace Wms.Core.Quality;

/// <summary>
/// Exact squared Euclidean distance transform (Felzenszwalb and Huttenlocher, "Distance
/// Transforms of Sampled Functions", 2012): a column pass, then the lower envelope of parabolas
/// along each row. Integer inputs, so the squared distances are exact.
/// </summary>
public static class DistanceTransform
{
    /// <summary>Unreachable: no foreground pixel in the mask.</summary>
    public const long Infinity = long.MaxValue / 4;

    /// <summary>For every pixel, the squared distance to the nearest non-zero pixel of <paramref name="mask"/>.</summary>
    public static long[] SquaredDistanceToForeground(ReadOnlySpan<byte> mask, int width, int height)
    {
        var result = new long[(long)width * height];
        ColumnPass(mask, width, height, result);

        var f = new long[width];
        var v = new int[width];
        var z = new double[width + 1];
        for (var y = 0; y < height; y++)
        {
            var row = result.AsSpan(y * width, width);
            row.CopyTo(f);
            RowPass(f, row, v, z);
        }
        return result;
    }

    /// <summary>Squared distance to the nearest foreground pixel in the same column (two sweeps).</summary>
    private static void ColumnPass(ReadOnlySpan<byte> mask, int width, int height, long[] result)
    {
        for (var x = 0; x < width; x++)
        {
            long last = -1;
            for (var y = 0; y < height; y++)
            {
                if (mask[y * width + x] != 0) last = y;
                result[y * width + x] = last < 0 ? Infinity : y - last;
            }
            last = -1;
            for (var y = height - 1; y >= 0; y--)
            {
                var i = y * width + x;
                if (mask[i] != 0) last = y;
                var down = last < 0 ? Infinity : last - y;
                var d = Math.Min(result[i], down);
                result[i] = d >= Infinity ? Infinity : d * d;
            }
        }
    }

    /// <summary>d(q) = min over p of (q - p)^2 + f(p), skipping the unreachable p.</summary>
    private static void RowPass(long[] f, Span<long> d, int[] v, double[] z)
    {
        var n = f.Length;
        var k = -1;
        for (var q = 0; q < n; q++)
        {
            if (f[q] >= Infinity) continue;
            if (k < 0)
            {
                k = 0;
                v[0] = q;
                z[0] = double.NegativeInfinity;
                z[1] = double.PositiveInfinity;
                continue;
            }
            double s;
            while (true)
            {
                var p = v[k];
                s = ((f[q] + (double)q * q) - (f[p] + (double)p * p)) / (2.0 * (q - p));
                if (s > z[k]) break;
                k--;
            }
            k++;
            v[k] = q;
            z[k] = s;
            z[k + 1] = double.PositiveInfinity;
        }
        if (k < 0)
        {
            d.Fill(Infinity);
            return;
        }
        k = 0;
        for (var q = 0; q < n; q++)
        {
            while (z[k + 1] < q) k++;
            var p = v[k];
            d[q] = (long)(q - p) * (q - p) + f[p];
        }
    }
}
