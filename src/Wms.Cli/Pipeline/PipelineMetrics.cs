namespace Wms.Cli.Pipeline;

/// <summary>
/// The candidate against the baseline (the Production model before this run; null values when
/// there was none), both re-evaluated by the gate on the same test photos; and the candidate's own
/// <c>final_test_*</c> from training.
/// </summary>
public sealed record PipelineMetrics(
    int TestPhotos,
    double? CandidateDice,
    double? CandidateIou,
    double? BaselineDice,
    double? BaselineIou,
    int? BaselineVersion,
    double? FinalTestDice,
    double? FinalTestIou);
