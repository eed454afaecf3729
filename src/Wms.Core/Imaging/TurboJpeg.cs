using System.Runtime.InteropServices;

namespace Wms.Core.Imaging;

/// <summary>
/// JPEG decoding through the system's libjpeg-turbo (TurboJPEG API, Debian's <c>libturbojpeg0</c>),
/// when it is installed. SkiaSharp bundles libjpeg-turbo built without its SIMD code: a 1536x2048
/// phone photo took 67 ms there against about 30 ms in Pillow, which links the system library.
/// Both run the same decoder (accurate integer IDCT, fancy upsampling, the same colour
/// conversion), whose SIMD paths are bit-exact with its C paths, so the pixels are the same either
/// way; the preprocessing parity tests against Pillow check it on real photos.
/// </summary>
internal static unsafe class TurboJpeg
{
    private const int PixelFormatRgb = 0; // TJPF_RGB
    private const int StopOnWarning = 8192; // TJFLAG_STOPONWARNING: a truncated file is an error, never grey rows

    private static readonly delegate* unmanaged<nint> InitDecompress;
    private static readonly delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int> DecompressHeader3;
    private static readonly delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int> Decompress2;

    // One decompressor per thread: a TurboJPEG handle is not safe to share, and making one per
    // photo costs an allocation of libjpeg's state every time. Never freed: threads are pooled.
    [ThreadStatic] private static nint _handle;

    static TurboJpeg()
    {
        if (!NativeLibrary.TryLoad("libturbojpeg.so.0", typeof(TurboJpeg).Assembly, null, out var library)) return;
        if (!NativeLibrary.TryGetExport(library, "tjInitDecompress", out var init)
            || !NativeLibrary.TryGetExport(library, "tjDecompressHeader3", out var header)
            || !NativeLibrary.TryGetExport(library, "tjDecompress2", out var decompress))
            return;
        InitDecompress = (delegate* unmanaged<nint>)init;
        DecompressHeader3 = (delegate* unmanaged<nint, byte*, nuint, int*, int*, int*, int*, int>)header;
        Decompress2 = (delegate* unmanaged<nint, byte*, nuint, byte*, int, int, int, int, int, int>)decompress;
    }

    /// <summary>Whether the system library was found (otherwise every JPEG goes through SkiaSharp).</summary>
    public static bool Available => Decompress2 != null;

    /// <summary>
    /// Decodes to packed RGB as stored (no EXIF orientation), or null when this decoder cannot or
    /// will not: library missing, a size other than the caller's, CMYK, damage of any kind. The
    /// caller then decodes with SkiaSharp, so what is refused, and the message, stay SkiaSharp's.
    /// </summary>
    public static byte[]? TryDecodeRgb(ReadOnlySpan<byte> encoded, int width, int height)
    {
        if (!Available) return null;
        if (_handle == 0) _handle = InitDecompress();
        if (_handle == 0) return null;
        fixed (byte* source = encoded)
        {
            int w, h, subsampling, colourspace;
            if (DecompressHeader3(_handle, source, (nuint)encoded.Length, &w, &h, &subsampling, &colourspace) != 0) return null;
            if (w != width || h != height) return null;
            var rgb = GC.AllocateUninitializedArray<byte>(checked(w * h * 3));
            fixed (byte* target = rgb)
                return Decompress2(_handle, source, (nuint)encoded.Length, target, w, w * 3, h, PixelFormatRgb, StopOnWarning) == 0 ? rgb : null;
        }
    }
}
