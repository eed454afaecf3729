using Wms.Core;
using Wms.Core.Imaging;
using Wms.Serving.Inference;

namespace Wms.Serving.Uploads;

/// <summary>
/// Cheap checks before a photo takes a place in the queue: its format from its first bytes, and
/// its size from its header (no pixels decoded), so a decompression bomb never reaches the decoder.
/// </summary>
internal static class ImageInspector
{
    public static ImageInfo Inspect(UploadedImage image, long maxPixels)
    {
        var bytes = image.Bytes.Span;
        if (bytes.IsEmpty)
            throw new PredictionFailure(PredictionError.NotAnImage, $"{image.Name}: empty file (0 bytes)");
        var format = ImageFormat.Sniff(bytes);
        if (format is null)
            throw new PredictionFailure(PredictionError.NotAnImage, $"{image.Name}: not a JPEG or PNG image");
        if (!ImageFormat.IsDecodable(format))
            throw new PredictionFailure(PredictionError.UnsupportedMediaType, $"{image.Name}: {format} images are not supported (JPEG or PNG expected)");

        ImageInfo info;
        try
        {
            info = ImageDecoder.ReadInfo(bytes, image.Name);
        }
        catch (WmsException e)
        {
            throw new PredictionFailure(PredictionError.NotAnImage, e.Message);
        }
        if (info.Width <= 0 || info.Height <= 0)
            throw new PredictionFailure(PredictionError.NotAnImage, $"{image.Name}: image header says {info.Width}x{info.Height}");
        if ((long)info.Width * info.Height > maxPixels)
            throw new PredictionFailure(PredictionError.TooManyPixels,
                $"{image.Name}: {info.Width}x{info.Height} is {(long)info.Width * info.Height} pixels, more than the limit of {maxPixels}");
        return info;
    }
}
