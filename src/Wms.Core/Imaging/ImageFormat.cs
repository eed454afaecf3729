namespace Wms.Core.Imaging;

/// <summary>Recognises image formats by their first bytes, whatever the client declared.</summary>
public static class ImageFormat
{
    /// <summary>"jpeg" or "png" for what we decode, another format's name for a known image we do not, null for anything else.</summary>
    public static string? Sniff(ReadOnlySpan<byte> b) => b switch
    {
        [0xFF, 0xD8, 0xFF, ..] => "jpeg",
        [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, ..] => "png",
        [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "gif",
        [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "webp",
        [(byte)'B', (byte)'M', ..] => "bmp",
        [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "tiff",
        [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "heif/avif",
        [0x00, 0x00, 0x01, 0x00, ..] => "ico",
        _ => null,
    };

    public static bool IsDecodable(string? format) => format is "jpeg" or "png";
}
