using Wms.Cli.Gate;

namespace Wms.Cli.Commands.Gate;

/// <summary>`wms gate --format json`.</summary>
public sealed record GateView(
    string Decision,
    bool Passed,
    string Reason,
    string RunId,
    double MinDelta,
    string DataDirectory,
    int TestPhotos,
    int MaskSize,
    GateModelView Candidate,
    GateModelView? Baseline)
{
    public static GateView From(GateResult r) => new(
        Name(r.Decision), r.Passed, r.Reason, r.RunId, r.MinDelta, r.DataDirectory, r.TestPhotos, r.MaskSize,
        GateModelView.From(r.Candidate), r.Baseline is null ? null : GateModelView.From(r.Baseline));

    public static string Name(GateDecision decision) => decision switch
    {
        GateDecision.Improved => "improved",
        GateDecision.FirstModel => "first_model",
        GateDecision.NotImproved => "not_improved",
        _ => "baseline_error",
    };
}

/// <summary>One side of the comparison: stored (logged by training) and re-evaluated numbers.</summary>
public sealed record GateModelView(string? RunId, int? Version, int? ImageSize, double? StoredDice, double? StoredIou,
    double? Dice, double? Iou, double? Hausdorff, double? PixelAccuracy)
{
    public static GateModelView From(GateModel m) => new(m.RunId, m.Version, m.ImageSize, m.Scores.StoredDice, m.Scores.StoredIou,
        m.Scores.Dice, m.Scores.Iou, m.Scores.Hausdorff, m.Scores.PixelAccuracy);
}
