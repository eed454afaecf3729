using SkiaSharp;

namespace Wms.Core.Imaging;

/// <summary>Copies between our byte images and SkiaSharp bitmaps (for drawing and encoding).</summary>
public static class SkiaImages
{
    /// <summary>An opaque RGBA bitmap holding <paramref name="image"/>.</summary>
    public static SKBitmap ToBitmap(RgbImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Rgba8888, SKAlphaType.Opaque));
        var rgba = bitmap.GetPixelSpan();
        var src = image.Pixels;
        for (int i = 0, j = 0; i < src.Length; i += 3, j += 4)
        {
            rgba[j] = src[i];
            rgba[j + 1] = src[i + 1];
            rgba[j + 2] = src[i + 2];
            rgba[j + 3] = 255;
        }
        return bitmap;
    }

    /// <summary>A Gray8 bitmap holding <paramref name="image"/>.</summary>
    public static SKBitmap ToBitmap(GrayImage image)
    {
        var bitmap = new SKBitmap(new SKImageInfo(image.Width, image.Height, SKColorType.Gray8, SKAlphaType.Opaque));
        image.Pixels.CopyTo(bitmap.GetPixelSpan());
        return bitmap;
    }

    /// <summary>The RGB pixels of an RGBA8888 bitmap (alpha dropped, as drawn on an opaque surface).</summary>
    public static RgbImage ToRgb(SKBitmap bitmap)
    {
        if (bitmap.ColorType != SKColorType.Rgba8888)
            throw new ArgumentException($"expected an Rgba8888 bitmap, got {bitmap.ColorType}", nameof(bitmap));
        var rgba = bitmap.GetPixelSpan();
        var image = new RgbImage(bitmap.Width, bitmap.Height);
        var dst = image.Pixels;
        for (int i = 0, j = 0; i < dst.Length; i += 3, j += 4)
        {
            dst[i] = rgba[j];
            dst[i + 1] = rgba[j + 1];
            dst[i + 2] = rgba[j + 2];
        }
        return image;
    }

    /// <summary>The grey levels of a Gray8 bitmap.</summary>
    public static GrayImage ToGray(SKBitmap bitmap)
    {
        if (bitmap.ColorType != SKColorType.Gray8)
            throw new ArgumentException($"expected a Gray8 bitmap, got {bitmap.ColorType}", nameof(bitmap));
        // Rows may be padded: copy row by row when the stride is wider than the image.
        var image = new GrayImage(bitmap.Width, bitmap.Height);
        var src = bitmap.GetPixelSpan();
        for (var y = 0; y < bitmap.Height; y++)
            src.Slice(y * bitmap.RowBytes, bitmap.Width).CopyTo(image.Pixels.AsSpan(y * bitmap.Width));
        return image;
    }
}
