using System.Numerics;

namespace Wms.Core.Imaging;

/// <summary>
/// 3x3 median of one 8-bit plane with replicated borders, as OpenCV's <c>medianBlur(src, 3)</c>.
/// A 19-comparison sorting network over whole rows of SIMD vectors, so a 512x512x3 image takes
/// well under a millisecond.
/// </summary>
public static class MedianFilter
{
    public static void Median3x3(ReadOnlySpan<byte> src, Span<byte> dst, int width, int height)
    {
        // Pad by one pixel on every side, replicating the edge.
        var pw = width + 2;
        var padded = new byte[pw * (height + 2)];
        for (var y = -1; y <= height; y++)
        {
            var sy = Math.Clamp(y, 0, height - 1);
            var row = padded.AsSpan((y + 1) * pw, pw);
            src.Slice(sy * width, width).CopyTo(row[1..]);
            row[0] = row[1];
            row[pw - 1] = row[pw - 2];
        }

        var lanes = Vector<byte>.Count;
        for (var y = 0; y < height; y++)
        {
            var top = (y) * pw;
            var mid = (y + 1) * pw;
            var bot = (y + 2) * pw;
            var outRow = dst.Slice(y * width, width);
            var x = 0;
            for (; x + lanes <= width; x += lanes)
            {
                var p = padded.AsSpan();
                var m = Median9(
                    new Vector<byte>(p[(top + x)..]), new Vector<byte>(p[(top + x + 1)..]), new Vector<byte>(p[(top + x + 2)..]),
                    new Vector<byte>(p[(mid + x)..]), new Vector<byte>(p[(mid + x + 1)..]), new Vector<byte>(p[(mid + x + 2)..]),
                    new Vector<byte>(p[(bot + x)..]), new Vector<byte>(p[(bot + x + 1)..]), new Vector<byte>(p[(bot + x + 2)..]));
                m.CopyTo(outRow[x..]);
            }
            for (; x < width; x++)
            {
                Span<byte> v =
                [
                    padded[top + x], padded[top + x + 1], padded[top + x + 2],
                    padded[mid + x], padded[mid + x + 1], padded[mid + x + 2],
                    padded[bot + x], padded[bot + x + 1], padded[bot + x + 2],
                ];
                v.Sort();
                outRow[x] = v[4];
            }
        }
    }

    private static void Sort2(ref Vector<byte> a, ref Vector<byte> b)
    {
        var min = Vector.Min(a, b);
        b = Vector.Max(a, b);
        a = min;
    }

    // The classic opt_med9 network (Devillard / Paeth): 19 compare-exchanges, median ends in p4.
    private static Vector<byte> Median9(Vector<byte> p0, Vector<byte> p1, Vector<byte> p2, Vector<byte> p3,
        Vector<byte> p4, Vector<byte> p5, Vector<byte> p6, Vector<byte> p7, Vector<byte> p8)
    {
        Sort2(ref p1, ref p2); Sort2(ref p4, ref p5); Sort2(ref p7, ref p8);
        Sort2(ref p0, ref p1); Sort2(ref p3, ref p4); Sort2(ref p6, ref p7);
        Sort2(ref p1, ref p2); Sort2(ref p4, ref p5); Sort2(ref p7, ref p8);
        Sort2(ref p0, ref p3); Sort2(ref p5, ref p8); Sort2(ref p4, ref p7);
        Sort2(ref p3, ref p6); Sort2(ref p1, ref p4); Sort2(ref p2, ref p5);
        Sort2(ref p4, ref p7); Sort2(ref p4, ref p2); Sort2(ref p6, ref p4);
        Sort2(ref p4, ref p2);
        return p4;
    }
}
