using System.Runtime.InteropServices;

namespace Wms.Core.Native;

/// <summary>
/// glibc's malloc tuning (<c>mallopt</c>), for the two processes whose memory is mostly native:
/// training (libtorch) and serving (ONNX Runtime). Elsewhere (musl, macOS) every call is a no-op.
/// A user's own <c>MALLOC_*</c> environment variables win over what the code would set.
/// </summary>
public static partial class GlibcMalloc
{
    /// <summary>glibc's <c>M_*</c> parameter numbers (malloc.h).</summary>
    public const int TrimThreshold = -1, TopPad = -2, MmapMax = -4, ArenaMax = -8;

    /// <summary>True when the user set any of these environment variables (then leave malloc alone).</summary>
    public static bool UserConfigured(IEnumerable<string> variables) =>
        variables.Any(v => Environment.GetEnvironmentVariable(v) is not null);

    /// <summary>Sets one parameter; false where it cannot be set (not glibc, or glibc refused it).</summary>
    public static bool TrySet(int parameter, int value)
    {
        try
        {
            return mallopt(parameter, value) == 1;
        }
        catch (EntryPointNotFoundException)
        {
            return false;
        }
        catch (DllNotFoundException)
        {
            return false;
        }
    }

    /// <summary>
    /// At most <paramref name="arenas"/> malloc arenas from now on, unless <c>MALLOC_ARENA_MAX</c> is set.
    /// glibc gives each thread that allocates under contention its own arena (up to 8 per core),
    /// and each arena keeps the memory freed into it; a server whose request and ONNX Runtime threads
    /// each allocate tens of megabytes per request keeps that much per arena. Measured with the recipe's
    /// model under 4 clients: peak RSS 301 MB with glibc's default, 246 MB with <c>MALLOC_ARENA_MAX=2</c>
    /// set before the start (the serving image does), the same requests per second. Set from here,
    /// the arenas the runtime's first threads already made stay (284 MB in one run): better than nothing
    /// for <c>wms serve</c>, which cannot set its own environment before it starts.
    /// </summary>
    public static bool LimitArenas(int arenas) =>
        !UserConfigured(["MALLOC_ARENA_MAX"]) && TrySet(ArenaMax, Math.Max(1, arenas));

    [LibraryImport("libc", EntryPoint = "mallopt")]
    private static partial int mallopt(int parameter, int value);
}
