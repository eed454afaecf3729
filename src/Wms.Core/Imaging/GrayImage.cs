namespace Wms.Core.Imaging;

/// <summary>An 8-bit single-channel image (a mask, or a photo's luma), row by row.</summary>
public sealed record GrayImage(int Width, int Height, byte[] Pixels)
{
    public GrayImage(int width, int height) : this(width, height, new byte[checked(width * height)]) { }

    /// <summary>
    /// Luma as PIL's <c>convert("L")</c> computes it (ITU-R 601-2, 16-bit fixed point), so a
    /// colour mask is read exactly as the original read it.
    /// </summary>
    public static GrayImage FromRgb(RgbImage rgb)
    {
        var gray = new GrayImage(rgb.Width, rgb.Height);
        var src = rgb.Pixels;
        var dst = gray.Pixels;
        for (int i = 0, j = 0; i < dst.Length; i++, j += 3)
            dst[i] = (byte)((src[j] * 19595 + src[j + 1] * 38470 + src[j + 2] * 7471 + 0x8000) >> 16);
        return gray;
    }
}
