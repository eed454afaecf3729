using System.Security.Cryptography;
using Wms.Core.Imaging;

namespace Wms.Core.DataQuality;

/// <summary>
/// One file read and decoded once: its header info, a content hash (photos), the mask analysis
/// (masks) and, when it cannot be used, why. Decoding goes through <see cref="ImageDecoder"/>,
/// so EXIF orientation is applied exactly as training and serving apply it.
/// </summary>
public sealed record FileInspection(DataFile File, ImageInfo? Info, string? Error, string? ContentMd5, MaskAnalysis? Mask)
{
    public bool Readable => Error is null;

    public static FileInspection Inspect(DataFile file, bool isMask, long maxPixels)
    {
        try
        {
            var bytes = ImageDecoder.ReadFile(file.FullPath);
            if (!isMask)
            {
                // A full decode is the only way to find a truncated or corrupt body; the header alone reads fine.
                var photo = ImageDecoder.Verify(bytes, file.Name, maxPixels);
                return new FileInspection(file, photo, null, Convert.ToHexStringLower(MD5.HashData(bytes)), null);
            }
            var info = ImageDecoder.ReadInfo(bytes, file.Name);
            var (grey, colour) = ImageDecoder.DecodeGrayOrColour(bytes, file.Name, maxPixels);
            return new FileInspection(file, info, null, null, MaskAnalysis.Of(grey, colour));
        }
        catch (WmsException e)
        {
            return new FileInspection(file, null, e.Message, null, null);
        }
    }

    /// <summary>True when the content's format is not the one the extension names (a PNG called .jpg).</summary>
    public bool IsMistyped => Info is { } info
        && (info.Format == "png") != File.Extension.Equals(".png", StringComparison.OrdinalIgnoreCase);
}
