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

    private static byte[] Bilinear(byte[] src, int inW, int inH, int channels, int outW, int outH)
    {
        if (inW == outW && inH == outH) return (byte[])src.Clone();
        var (vBounds, vKernel, vSize) = Coefficients(inH, outH);
        var (hBounds, hKernel, hSize) = Coefficients(inW, outW);

        // Only the source rows the vertical pass reads go through the horizontal pass.
        var firstRow = vBounds[0];
        var lastRow = vBounds[(outH - 1) * 2] + vBounds[(outH - 1) * 2 + 1];
        var rows = lastRow - firstRow;
        var temp = new byte[rows * outW * channels];
        Parallel.For(0, rows, r =>
        {
            var srcRow = (r + firstRow) * inW * channels;
            var dstRow = r * outW * channels;
            for (var xx = 0; xx < outW; xx++)
            {
                int xmin = hBounds[xx * 2], xmax = hBounds[xx * 2 + 1], k = xx * hSize;
                for (var c = 0; c < channels; c++)
                {
                    var ss = 1 << (PrecisionBits - 1);
                    for (var x = 0; x < xmax; x++) ss += src[srcRow + (x + xmin) * channels + c] * hKernel[k + x];
                    temp[dstRow + xx * channels + c] = Clip8(ss);
                }
            }
        });

        var dst = new byte[outW * outH * channels];
        var stride = outW * channels;
        Parallel.For(0, outH, yy =>
        {
            int ymin = vBounds[yy * 2] - firstRow, ymax = vBounds[yy * 2 + 1], k = yy * vSize;
            var dstRow = yy * stride;
            for (var i = 0; i < stride; i++)
            {
                var ss = 1 << (PrecisionBits - 1);
                for (var y = 0; y < ymax; y++) ss += temp[(y + ymin) * stride + i] * vKernel[k + y];
                dst[dstRow + i] = Clip8(ss);
            }
        });
        return dst;
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
