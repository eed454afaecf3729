namespace Wms.Core.Imaging;

/// <summary>An 8-bit RGB image, pixels interleaved row by row (R, G, B, R, G, B, ...).</summary>
public sealed record RgbImage(int Width, int Height, byte[] Pixels)
{
    public RgbImage(int width, int height) : this(width, height, new byte[checked(width * height * 3)]) { }
}
