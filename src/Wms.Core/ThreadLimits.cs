namespace Wms.Core;

/// <summary>
/// The most threads any `--threads` may ask for. A typo like 100000 would otherwise create that many
/// OS threads (libtorch and ONNX Runtime pools) and exhaust the machine's process table.
/// </summary>
public static class ThreadLimits
{
    public const int Max = 256;

    /// <summary>Null when <paramref name="threads"/> is 0 (all cores) up to <see cref="Max"/>; else what is wrong.</summary>
    public static string? Problem(int threads) =>
        threads is >= 0 and <= Max ? null : $"must be between 0 (all cores) and {Max}, not {threads}";
}
