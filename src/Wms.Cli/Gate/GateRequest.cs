using Wms.Core.Evaluation;

namespace Wms.Cli.Gate;

/// <summary>What to gate.</summary>
/// <param name="RunId">The candidate: the run just trained (never "the newest run").</param>
/// <param name="MinDelta">The candidate must beat Production by more than this, on Dice and on IoU.</param>
/// <param name="DataDirectory">The data folder holding the run's test photos; null = the folder the run recorded.</param>
/// <param name="MaskSize">Masks are compared at this size (512, as the original measured).</param>
public sealed record GateRequest(string RunId, double MinDelta = 0, string? DataDirectory = null, int MaskSize = EvaluationOptions.DefaultMaskSize);
