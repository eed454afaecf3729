using Wms.Training.Model;

namespace Wms.Cli.Commands.Bench;

/// <summary>
/// One row of `wms bench train|forward`: our timing and, when asked for, PyTorch's twice: as
/// torch_reference.py runs by default, and with the malloc settings we run with (see TorchRuntime).
/// PyTorch's model is the original, four halvings deep and 16 channels wide: against a deeper or
/// wider U-Net of ours its times are shown, but no speed-up, which would compare two different models.
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
    double? TorchSameMallocMedianMs = null,
    int Depth = UNet.OriginalDepth,
    int BaseFilters = UNet.OriginalBaseFilters)
{
    /// <summary>How many times faster than PyTorch (above 1 is faster).</summary>
    public double? SpeedupVsTorch => IsTorchModel() ? TorchMedianMs / MedianMs : null;

    /// <summary>How many times faster than PyTorch given our malloc settings.</summary>
    public double? SpeedupVsTorchSameMalloc => IsTorchModel() ? TorchSameMallocMedianMs / MedianMs : null;

    /// <summary>Whether this row's U-Net is the one torch_reference.py runs (a method, so the JSON does not carry it).</summary>
    public bool IsTorchModel() => Depth == UNet.OriginalDepth && BaseFilters == UNet.OriginalBaseFilters;
}
