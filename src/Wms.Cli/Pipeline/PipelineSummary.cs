using Wms.Cli.Pipeline.Steps;

namespace Wms.Cli.Pipeline;

/// <summary>
/// What a pipeline run did and decided: <c>summary.json</c> (this record) and <c>summary.md</c> in its
/// folder, printed by `wms pipeline run` (<c>--format json</c> for this record).
/// </summary>
/// <param name="Decision"><see cref="Promoted"/> or <see cref="KeptProduction"/>.</param>
/// <param name="Reason">Why, in one sentence (the gate's comparison).</param>
/// <param name="Steps">Each step: done now, skipped (finished by an earlier attempt with the same inputs) or not needed.</param>
public sealed record PipelineSummary(
    string PipelineId,
    string Decision,
    string Reason,
    PipelineDataCounts Data,
    PipelineMetrics Metrics,
    string RunId,
    string RunDirectory,
    int? ModelVersion,
    int? PreviousVersion,
    string? ExportDirectory,
    IReadOnlyList<DataVersionFile> DataVersion,
    string? DataRemote,
    string? DataNote,
    IReadOnlyList<PipelineStepStatus> Steps,
    string StateFile,
    string Tracking)
{
    public const string Promoted = "promoted";
    public const string KeptProduction = "kept_production";

    public bool IsPromoted => Decision == Promoted;
}
