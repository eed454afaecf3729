using System.Runtime.InteropServices;

namespace Wms.Training.Model;

/// <summary>
/// The level below which libtorch's own log (c10's LOG) stays silent: errors by default. On CPUs
/// NNPACK does not know (an AMD EPYC here) libtorch logs "Could not initialize NNPACK! Reason:
/// Unsupported hardware" each time it considers NNPACK for a convolution, although oneDNN then
/// computes it as usual: thousands of lines in one test run, which buried the failed test's name
/// in CI's log, and 10 in a training run. The user's TORCH_CPP_LOG_LEVEL wins, as in PyTorch; the
/// libtorch TorchSharp loads does not read that variable (a test run printed the same 2,177 lines
/// with it set to ERROR), so it is applied here.
/// </summary>
internal static class LibtorchLogLevel
{
    public const string Variable = "TORCH_CPP_LOG_LEVEL";

    /// <summary>c10's levels: 0 INFO, 1 WARNING, 2 ERROR, 3 FATAL.</summary>
    public const int Error = 2;

    private static readonly Lock Gate = new();
    private static bool _applied;

    /// <summary>Sets the level once, after libtorch is loaded (a libtorch without the setting is left as it is).</summary>
    public static void Apply()
    {
        lock (Gate)
        {
            if (_applied || !TryFind(out var flag)) return;
            Marshal.WriteInt32(flag, Parse(Environment.GetEnvironmentVariable(Variable)) ?? Error);
            _applied = true;
        }
    }

    /// <summary>The level libtorch logs at now, or null when it cannot be read.</summary>
    public static int? Current => TryFind(out var flag) ? Marshal.ReadInt32(flag) : null;

    /// <summary>PyTorch's spellings: INFO, WARNING, ERROR, FATAL or 0-3; null for anything else (the default applies).</summary>
    public static int? Parse(string? value) => value?.Trim().ToUpperInvariant() switch
    {
        "INFO" or "0" => 0,
        "WARNING" or "1" => 1,
        "ERROR" or "2" => 2,
        "FATAL" or "3" => 3,
        _ => null,
    };

    // A global C++ variable, so its symbol is not mangled. dlopen by name returns the copy TorchSharp
    // already loaded (glibc matches loaded libraries by their soname).
    private static bool TryFind(out nint flag)
    {
        flag = 0;
        return NativeLibrary.TryLoad("libc10.so", out var c10) && NativeLibrary.TryGetExport(c10, "FLAGS_caffe2_log_level", out flag);
    }
}
