namespace Wms.Core.Imaging;

/// <summary>
/// Bilinear and nearest resizing that reproduce Pillow's (<c>Image.resize</c>) results bit for bit:
/// a triangle filter widened by the scale when shrinking (antialiased), two separable passes
/// (horizontal, then vertical) with 22-bit fixed-point weights and 8-bit rounding in between.
/// The original model was trained on Pillow's output, so serving must see the same pixels.
/// </summary>
public static class PilResize
{
    private const int PrecisionBits = 32 - 8 - 2;

    public static RgbImage Bilinear(RgbImage src, int width, int height)
    {
        var pixels = Bilinear(src.Pixels, src.Width, src.Height, 3, width, height);
        return new RgbImage(width, height, pixels);
    }

    public static GrayImage Bilinear(GrayImage src, int width, int height) =>
        new(width, height, Bilinear(src.Pixels, src.Width, src.Height, 1, width, height));

    /// <summary>Pillow's NEAREST: the source pixel under each target pixel's centre.</summary>
    public static GrayImage Nearest(GrayImage src, int width, int height)
    {
        var dst = new GrayImage(width, height);
        var xs = new int[width];
        double sx = (double)src.Width / width, sy = (double)src.Height / height;
        for (var x = 0; x < width; x++) xs[x] = Math.Min((int)((x + 0.5) * sx), src.Width - 1);
        for (var y = 0; y < height; y++)
        {
            var srcRow = Math.Min((int)((y + 0.5) * sy), src.Height - 1) * src.Width;
            var dstRow = y * width;
            for (var x = 0; x < width; x++) dst.Pixels[dstRow + x] = src.Pixels[srcRow + xs[x]];
        }
        return dst;
    }

    /// <summary>
    /// Source rows the horizontal pass holds at once (at least two output rows' worth). A phone photo
    /// (about 2,000 rows) fits in one window; a 1x1,000,000 upload would otherwise need a
    /// 1,000,000 x 256 x 3 byte buffer (768 MB) in a pod limited to 1 GiB.
    /// </summary>
    internal const int RowWindow = 4096;

    private static byte[] Bilinear(byte[] src, int inW, int inH, int channels, int outW, int outH) =>
        Bilinear(src, inW, inH, channels, outW, outH, RowWindow);

    /// <summary>
    /// Output rows in blocks whose source rows fit in <paramref name="rowWindow"/> (or one output
    /// row's kernel, if larger): each block's rows go through the horizontal pass, then the vertical
    /// one. The same 8-bit intermediate rows as Pillow's, so the same bytes; rows shared by two
    /// blocks are computed twice.
    /// </summary>
    internal static byte[] Bilinear(byte[] src, int inW, int inH, int channels, int outW, int outH, int rowWindow)
    {
        if (inW == outW && inH == outH) return (byte[])src.Clone();
        var (vBounds, vKernel, vSize) = Coefficients(inH, outH);
        var (hBounds, hKernel, hSize) = Coefficients(inW, outW);

        var stride = outW * channels;
        var window = Math.Max(rowWindow, 2 * vSize);
        var temp = new byte[Math.Min(window, inH) * stride];
        var dst = new byte[outW * outH * channels];
        for (var y0 = 0; y0 < outH;)
        {
            // Only the source rows this block's vertical pass reads go through the horizontal pass.
            var firstRow = vBounds[y0 * 2];
            var y1 = y0 + 1;
            while (y1 < outH && vBounds[y1 * 2] + vBounds[y1 * 2 + 1] - firstRow <= window) y1++;
            var rows = vBounds[(y1 - 1) * 2] + vBounds[(y1 - 1) * 2 + 1] - firstRow;
            Parallel.For(0, rows, r => HorizontalRow(src, (r + firstRow) * inW * channels, temp, r * stride,
                outW, channels, hBounds, hKernel, hSize));
            Parallel.For(y0, y1, yy => VerticalRow(temp, stride, vBounds[yy * 2] - firstRow, vBounds[yy * 2 + 1],
                vKernel.AsSpan(yy * vSize, vSize), dst.AsSpan(yy * stride, stride)));
            y0 = y1;
        }
        return dst;
    }

    private static unsafe void HorizontalRow(byte[] src, int srcRow, byte[] dst, int dstRow, int outW, int channels,
        int[] bounds, int[] kernel, int kernelSize)
    {
        const int half = 1 << (PrecisionBits - 1);
        fixed (byte* s0 = &src[srcRow], d0 = &dst[dstRow])
        fixed (int* k0 = kernel)
        {
            for (var xx = 0; xx < outW; xx++)
            {
                int xmin = bounds[xx * 2], xmax = bounds[xx * 2 + 1];
                var k = k0 + xx * kernelSize;
                var s = s0 + xmin * channels;
                if (channels == 3)
                {
                    int r = half, g = half, b = half;
                    for (var x = 0; x < xmax; x++, s += 3)
                    {
                        var w = k[x];
                        r += s[0] * w;
                        g += s[1] * w;
                        b += s[2] * w;
                    }
                    var d = d0 + xx * 3;
                    d[0] = Clip8(r);
                    d[1] = Clip8(g);
                    d[2] = Clip8(b);
                }
                else
                {
                    for (var c = 0; c < channels; c++)
                    {
                        var ss = half;
                        for (var x = 0; x < xmax; x++) ss += s[x * channels + c] * k[x];
                        d0[xx * channels + c] = Clip8(ss);
                    }
                }
            }
        }
    }

    // Vectorised over the row: every output sample of a row uses the same source rows and weights.
    private static void VerticalRow(byte[] temp, int stride, int ymin, int ymax, ReadOnlySpan<int> weights, Span<byte> dst)
    {
        Span<int> acc = stackalloc int[stride];
        acc.Fill(1 << (PrecisionBits - 1));
        var lanes = System.Numerics.Vector<int>.Count;
        Span<int> widened = stackalloc int[lanes];
        for (var y = 0; y < ymax; y++)
        {
            var w = weights[y];
            var row = temp.AsSpan((y + ymin) * stride, stride);
            var wv = new System.Numerics.Vector<int>(w);
            var i = 0;
            for (; i + lanes <= stride; i += lanes)
            {
                for (var l = 0; l < lanes; l++) widened[l] = row[i + l];
                var sum = new System.Numerics.Vector<int>(acc[i..]) + new System.Numerics.Vector<int>(widened) * wv;
                sum.CopyTo(acc[i..]);
            }
            for (; i < stride; i++) acc[i] += row[i] * w;
        }
        for (var i = 0; i < stride; i++) dst[i] = Clip8(acc[i]);
    }

    private static byte Clip8(int value) =>
        value >= 255 << PrecisionBits ? (byte)255 : value <= 0 ? (byte)0 : (byte)(value >> PrecisionBits);

    /// <summary>Pillow's <c>precompute_coeffs</c> + <c>normalize_coeffs_8bpc</c> for the bilinear filter.</summary>
    private static (int[] Bounds, int[] Kernel, int KernelSize) Coefficients(int inSize, int outSize)
    {
        const double filterSupport = 1.0;
        var scale = (double)inSize / outSize;
        var filterScale = Math.Max(scale, 1.0);
        var support = filterSupport * filterScale;
        var kernelSize = (int)Math.Ceiling(support) * 2 + 1;
        var bounds = new int[outSize * 2];
        var kernel = new int[outSize * kernelSize];
        var weights = new double[kernelSize];
        for (var xx = 0; xx < outSize; xx++)
        {
            var center = (xx + 0.5) * scale;
            var ss = 1.0 / filterScale;
            var xmin = Math.Max((int)(center - support + 0.5), 0);
            var xmax = Math.Min((int)(center + support + 0.5), inSize) - xmin;
            var total = 0.0;
            for (var x = 0; x < xmax; x++)
            {
                var w = Triangle((x + xmin - center + 0.5) * ss);
                weights[x] = w;
                total += w;
            }
            for (var x = 0; x < xmax; x++)
            {
                var w = total != 0.0 ? weights[x] / total : weights[x];
                kernel[xx * kernelSize + x] = w < 0
                    ? (int)(-0.5 + w * (1 << PrecisionBits))
                    : (int)(0.5 + w * (1 << PrecisionBits));
            }
            bounds[xx * 2] = xmin;
            bounds[xx * 2 + 1] = xmax;
        }
        return (bounds, kernel, kernelSize);
    }

    private static double Triangle(double x)
    {
        x = Math.Abs(x);
        return x < 1.0 ? 1.0 - x : 0.0;
    }
}
