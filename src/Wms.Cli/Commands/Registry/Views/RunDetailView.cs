namespace Wms.Cli.Commands.Registry.Views;

/// <summary>`wms runs show ID --format json`.</summary>
public sealed record RunDetailView(
    string RunId,
    string Name,
    string Status,
    string ExperimentId,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    string ArtifactUri,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyList<MetricView> Metrics,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<ArtifactView> Artifacts,
    IReadOnlyList<int> ModelVersions);
