namespace Wms.Training.Model;

/// <summary>
/// Whether this CPU runs bfloat16 convolutions in hardware: AVX-512 BF16 or AMX on x86, the BF16
/// extension on ARM. Elsewhere oneDNN emulates them, and a bfloat16 training step is no longer a
/// speed-up but a disaster: 17.8 s against 1.5 s in float32 on an AVX2-only host here, so the
/// recipe's time limit ended the run in its first epoch. <c>compute.bf16: auto</c> asks this.
/// </summary>
public static class CpuBFloat16
{
    private const string CpuInfoPath = "/proc/cpuinfo";

    /// <summary>This machine's answer, read once from <c>/proc/cpuinfo</c>; false where there is none to read.</summary>
    public static bool IsNative { get; } = InCpuInfo(ReadCpuInfo());

    /// <summary>True when a <c>flags</c> (x86) or <c>Features</c> (ARM) line of <paramref name="cpuinfo"/> names native bfloat16.</summary>
    public static bool InCpuInfo(string? cpuinfo)
    {
        if (cpuinfo is null) return false;
        foreach (var line in cpuinfo.Split('\n'))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon < 0) continue;
            var key = line[..colon].Trim();
            if (key is not ("flags" or "Features")) continue;
            var flags = line[(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (flags.Any(flag => flag is "avx512_bf16" or "amx_bf16" or "bf16")) return true;
        }
        return false;
    }

    /// <summary>
    /// What to tell a user who asked for bfloat16 (<c>compute.bf16: true</c>) on a CPU that only
    /// emulates it; null when there is nothing to say.
    /// </summary>
    public static string? EmulationWarning(bool requested, bool native) => requested && !native
        ? "compute.bf16: true, but this CPU has no AVX-512 BF16, AMX or ARM BF16: bfloat16 is emulated and a training step " +
          "takes about 12 times as long as in float32 (17.8 s against 1.5 s, measured on an AVX2-only host); use bf16: auto to train in float32 here"
        : null;

    private static string? ReadCpuInfo()
    {
        try
        {
            return File.Exists(CpuInfoPath) ? File.ReadAllText(CpuInfoPath) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
