namespace Wms.Cli.Commands.Bench;

/// <summary>One row of `wms bench train|forward`: our timing and, when asked for, PyTorch's.</summary>
public sealed record StepTiming(
    string Operation,
    int Size,
    int Batch,
    int Threads,
    string Compute,
    double MedianMs,
    double MinMs,
    double MaxMs,
    double? TorchMedianMs)
{
    /// <summary>How many times faster than PyTorch (above 1 is faster).</summary>
    public double? SpeedupVsTorch => TorchMedianMs / MedianMs;
}
