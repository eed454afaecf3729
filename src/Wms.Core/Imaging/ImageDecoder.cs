using SkiaSharp;

namespace Wms.Core.Imaging;

/// <summary>Size of an encoded image as a person sees it (EXIF orientation applied), read without decoding pixels.</summary>
public sealed record ImageInfo(int Width, int Height, int Orientation, string Format);

/// <summary>
/// Decodes JPEG and PNG with SkiaSharp (libjpeg-turbo and libpng underneath; colour JPEGs through
/// the system's faster libjpeg-turbo when installed, see <see cref="TurboJpeg"/>) and applies the
/// EXIF orientation. Every failure is a <see cref="WmsException"/> naming the file.
/// </summary>
public static class ImageDecoder
{
    /// <summary>Width, height and orientation, from the header only (cheap; use it to refuse decompression bombs).</summary>
    public static ImageInfo ReadInfo(ReadOnlySpan<byte> encoded, string name)
    {
        using var codec = CreateCodec(encoded, name);
        var orientation = (int)codec.EncodedOrigin;
        var swap = ExifOrientation.SwapsAxes(orientation);
        var info = codec.Info;
        return new ImageInfo(swap ? info.Height : info.Width, swap ? info.Width : info.Height, orientation,
            codec.EncodedFormat.ToString().ToLowerInvariant());
    }

    public static RgbImage DecodeRgb(string path) => DecodeRgb(ReadFile(path), path);

    /// <summary>Decodes to RGB, alpha dropped (not blended), as PIL's <c>convert("RGB")</c>.</summary>
    public static RgbImage DecodeRgb(ReadOnlySpan<byte> encoded, string name, long maxPixels = long.MaxValue)
    {
        using var codec = CreateCodec(encoded, name);
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if ((long)w * h > maxPixels)
            throw new WmsException($"{name}: {w}x{h} is more than the limit of {maxPixels} pixels");

        var rgb = codec.EncodedFormat == SKEncodedImageFormat.Jpeg ? TurboJpeg.TryDecodeRgb(encoded, w, h) : null;
        rgb ??= DecodeRgbWithSkia(codec, name);
        var (ow, oh, pixels) = ExifOrientation.Apply((int)codec.EncodedOrigin, w, h, rgb, 3);
        return new RgbImage(ow, oh, pixels);
    }

    internal static byte[] DecodeRgbWithSkia(SKCodec codec, string name)
    {
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        var info = new SKImageInfo(w, h, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var rgba = new byte[info.BytesSize];
        SKCodecResult result;
        unsafe
        {
            fixed (byte* p = rgba)
                result = codec.GetPixels(info, (IntPtr)p);
        }
        if (result != SKCodecResult.Success)
            throw new WmsException($"{name}: cannot decode image ({Describe(result)})");

        var rgb = new byte[w * h * 3];
        for (int i = 0, j = 0; j < rgb.Length; i += 4, j += 3)
        {
            rgb[j] = rgba[i];
            rgb[j + 1] = rgba[i + 1];
            rgb[j + 2] = rgba[i + 2];
        }
        return rgb;
    }

    public static GrayImage DecodeGray(string path) => DecodeGray(ReadFile(path), path);

    /// <summary>Decodes a mask as greyscale: colour is converted with PIL's luma weights.</summary>
    public static GrayImage DecodeGray(ReadOnlySpan<byte> encoded, string name) => DecodeGrayOrColour(encoded, name).Gray;

    /// <summary>
    /// Greyscale as <see cref="DecodeGray(ReadOnlySpan{byte}, string)"/>, plus the RGB pixels when the
    /// source is in colour (null for a greyscale source). A greyscale JPEG or PNG is decoded straight to
    /// one channel, which is what the luma of its R=G=B expansion would be, at a third of the cost.
    /// </summary>
    public static (GrayImage Gray, RgbImage? Colour) DecodeGrayOrColour(ReadOnlySpan<byte> encoded, string name, long maxPixels = long.MaxValue)
    {
        using (var codec = CreateCodec(encoded, name))
        {
            if (codec.Info.ColorType == SKColorType.Gray8)
            {
                var (w, h) = (codec.Info.Width, codec.Info.Height);
                if ((long)w * h > maxPixels)
                    throw new WmsException($"{name}: {w}x{h} is more than the limit of {maxPixels} pixels");
                var grey = new byte[w * h];
                var result = GetPixels(codec, new SKImageInfo(w, h, SKColorType.Gray8, SKAlphaType.Opaque), grey);
                if (result != SKCodecResult.Success)
                    throw new WmsException($"{name}: cannot decode image ({Describe(result)})");
                var (ow, oh, pixels) = ExifOrientation.Apply((int)codec.EncodedOrigin, w, h, grey, 1);
                return (new GrayImage(ow, oh, pixels), null);
            }
        }
        var rgb = DecodeRgb(encoded, name, maxPixels);
        return (GrayImage.FromRgb(rgb), rgb);
    }

    /// <summary>
    /// Checks that the whole image decodes (a truncated or corrupt body fails) and returns its
    /// info, without keeping pixels. JPEGs are decoded at 1/8 scale: every entropy-coded block is
    /// still read, which is what finds damage, for a fraction of the cost of a full decode.
    /// </summary>
    public static ImageInfo Verify(ReadOnlySpan<byte> encoded, string name, long maxPixels = long.MaxValue)
    {
        using var codec = CreateCodec(encoded, name);
        var (w, h) = (codec.Info.Width, codec.Info.Height);
        if ((long)w * h > maxPixels)
            throw new WmsException($"{name}: {w}x{h} is more than the limit of {maxPixels} pixels");
        var scaled = codec.GetScaledDimensions(0.125f);
        var info = new SKImageInfo(scaled.Width, scaled.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        var result = GetPixels(codec, info, new byte[info.BytesSize]);
        if (result != SKCodecResult.Success)
            throw new WmsException($"{name}: cannot decode image ({Describe(result)})");
        var orientation = (int)codec.EncodedOrigin;
        var swap = ExifOrientation.SwapsAxes(orientation);
        return new ImageInfo(swap ? h : w, swap ? w : h, orientation, codec.EncodedFormat.ToString().ToLowerInvariant());
    }

    private static unsafe SKCodecResult GetPixels(SKCodec codec, SKImageInfo info, byte[] pixels)
    {
        fixed (byte* p = pixels)
            return codec.GetPixels(info, (IntPtr)p);
    }

    public static byte[] ReadFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{path}: cannot read file ({e.Message})");
        }
    }

    internal static SKCodec CreateCodec(ReadOnlySpan<byte> encoded, string name)
    {
        if (encoded.IsEmpty)
            throw new WmsException($"{name}: empty file (0 bytes)");
        // The codec owns the stream and disposes it with itself.
        var stream = new SKMemoryStream(SKData.CreateCopy(encoded));
        var codec = SKCodec.Create(stream, out var result);
        if (codec is null)
        {
            stream.Dispose();
            throw new WmsException($"{name}: not a readable JPEG or PNG image ({Describe(encoded, result)})");
        }
        if (codec.EncodedFormat is not (SKEncodedImageFormat.Jpeg or SKEncodedImageFormat.Png))
        {
            var format = codec.EncodedFormat;
            codec.Dispose();
            throw new WmsException($"{name}: unsupported image format {format} (JPEG or PNG expected)");
        }
        return codec;
    }

    /// <summary>Why Skia could not open it, in the user's terms: text is not a "truncated file".</summary>
    private static string Describe(ReadOnlySpan<byte> encoded, SKCodecResult result)
    {
        var format = ImageFormat.Sniff(encoded);
        if (!ImageFormat.IsDecodable(format)) return "its first bytes are not a JPEG or PNG signature";
        if (format == "png" && encoded.Length >= 24)
        {
            var (width, height) = (System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(encoded[16..]), System.Buffers.Binary.BinaryPrimitives.ReadUInt32BigEndian(encoded[20..]));
            if (width is 0 or > int.MaxValue || height is 0 or > int.MaxValue) return $"its PNG header says {width}x{height}";
        }
        return Describe(result);
    }

    private static string Describe(SKCodecResult result) => result switch
    {
        SKCodecResult.IncompleteInput => "truncated file",
        SKCodecResult.ErrorInInput => "corrupt data",
        SKCodecResult.InvalidInput => "invalid data",
        SKCodecResult.Unimplemented => "unsupported encoding",
        _ => result.ToString(),
    };
}
