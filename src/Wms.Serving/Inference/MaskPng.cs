using SkiaSharp;

namespace Wms.Serving.Inference;

/// <summary>The original's mask PNG: 8-bit greyscale, 0 background, 255 counter.</summary>
internal static class MaskPng
{
    // REVIEW: switch to Wms.Core.Imaging.ImageEncoder.EncodePng(GrayImage) once it lands (branch synth).
    public static byte[] Encode(byte[] mask, int size)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(size, size, SKColorType.Gray8, SKAlphaType.Opaque));
        var pixels = bitmap.GetPixelSpan();
        for (var y = 0; y < size; y++)
        {
            var row = pixels.Slice(y * bitmap.RowBytes, size);
            for (var x = 0; x < size; x++) row[x] = mask[y * size + x] != 0 ? (byte)255 : (byte)0;
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100)
            ?? throw new InvalidOperationException("SkiaSharp could not encode the mask as PNG");
        return data.ToArray();
    }
}
