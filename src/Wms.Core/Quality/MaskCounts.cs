using System.Numerics;

namespace Wms.Core.Quality;

/// <summary>Pixel counts of a predicted and a true mask: everything the overlap metrics need.</summary>
public readonly record struct MaskCounts(long Predicted, long Truth, long Intersection, long Total)
{
    /// <summary>Counts foreground (non-zero) pixels of both masks and of their overlap.</summary>
    public static MaskCounts Of(ReadOnlySpan<byte> predicted, ReadOnlySpan<byte> truth)
    {
        if (predicted.Length != truth.Length)
            throw new ArgumentException($"masks differ in size ({predicted.Length} vs {truth.Length} pixels)", nameof(truth));

        long p = 0, t = 0, both = 0;
        var i = 0;
        var lanes = Vector<byte>.Count;
        if (Vector.IsHardwareAccelerated)
        {
            // Whole vectors: a lane is 1 where the pixel is foreground; sums stay below 256 per lane
            // because at most 255 vectors are added before they are widened into the totals.
            var one = Vector<byte>.One;
            while (i + lanes <= predicted.Length)
            {
                Vector<byte> sp = default, st = default, sb = default;
                for (var k = 0; k < 255 && i + lanes <= predicted.Length; k++, i += lanes)
                {
                    var vp = Vector.Min(new Vector<byte>(predicted[i..]), one);
                    var vt = Vector.Min(new Vector<byte>(truth[i..]), one);
                    sp += vp;
                    st += vt;
                    sb += vp & vt;
                }
                p += Sum(sp);
                t += Sum(st);
                both += Sum(sb);
            }
        }
        for (; i < predicted.Length; i++)
        {
            var a = predicted[i] != 0;
            var b = truth[i] != 0;
            if (a) p++;
            if (b) t++;
            if (a && b) both++;
        }
        return new MaskCounts(p, t, both, predicted.Length);
    }

    private static long Sum(Vector<byte> v)
    {
        long s = 0;
        for (var k = 0; k < Vector<byte>.Count; k++) s += v[k];
        return s;
    }
}
