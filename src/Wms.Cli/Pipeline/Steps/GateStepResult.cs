namespace Wms.Cli.Pipeline.Steps;

/// <summary>
/// The gate's verdict. Scores are the ones re-evaluated now on the candidate's test photos (the
/// same photos for both models); the baseline is null when there was no Production model.
/// </summary>
public sealed record GateStepResult(
    string Decision,
    bool Passed,
    string Reason,
    int TestPhotos,
    double? CandidateDice,
    double? CandidateIou,
    int? BaselineVersion,
    string? BaselineRunId,
    double? BaselineDice,
    double? BaselineIou);
