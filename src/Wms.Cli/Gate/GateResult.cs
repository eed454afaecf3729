using Wms.Core;

namespace Wms.Cli.Gate;

/// <summary>The gate's verdict with everything it measured.</summary>
/// <param name="Decision">Improved and FirstModel pass; NotImproved and BaselineError do not.</param>
/// <param name="Reason">One sentence: which numbers decided, or the baseline's error.</param>
/// <param name="Candidate">The run named, with its stored and re-evaluated numbers.</param>
/// <param name="Baseline">The Production model; null when there is none.</param>
/// <param name="MinDelta">The margin required.</param>
/// <param name="DataDirectory">Where the test photos were read from.</param>
/// <param name="TestPhotos">How many photos both models were evaluated on.</param>
/// <param name="MaskSize">The size masks were compared at.</param>
/// <param name="ErrorKind">For <see cref="GateDecision.BaselineError"/>: the kind of the error (decides the exit code).</param>
public sealed record GateResult(
    GateDecision Decision,
    string Reason,
    GateModel Candidate,
    GateModel? Baseline,
    double MinDelta,
    string DataDirectory,
    int TestPhotos,
    int MaskSize,
    WmsErrorKind? ErrorKind = null)
{
    /// <summary>True when the candidate may be promoted.</summary>
    public bool Passed => Decision is GateDecision.Improved or GateDecision.FirstModel;

    /// <summary>The candidate's run id.</summary>
    public string RunId => Candidate.RunId!;
}
