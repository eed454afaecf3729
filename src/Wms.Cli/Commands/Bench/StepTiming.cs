namespace Wms.Cli.Commands.Bench;

/// <summary>
/// One row of `wms bench train|forward`: our timing and, when asked for, PyTorch's twice: as
/// torch_reference.py runs by default, and with the malloc settings we run with (see TorchRuntime).
/// </summary>
public sealed record StepTiming(
    string Operation,
    int Size,
    int Batch,
    int Threads,
    string Compute,
    double MedianMs,
    double MinMs,
    double MaxMs,
    double? TorchMedianMs,
    double? TorchSameMallocMedianMs = null)
{
    /// <summary>How many times faster than PyTorch (above 1 is faster).</summary>
    public double? SpeedupVsTorch => TorchMedianMs / MedianMs;

    /// <summary>How many times faster than PyTorch given our malloc settings.</summary>
    public double? SpeedupVsTorchSameMalloc => TorchSameMallocMedianMs / MedianMs;
}
