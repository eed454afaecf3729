namespace Wms.Cli.Commands.Registry.Views;

/// <summary>One run in `wms runs list`.</summary>
public sealed record RunSummaryView(
    string RunId,
    string Name,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? EndedAt,
    double? DurationSeconds,
    double? Dice,
    double? Iou,
    IReadOnlyList<int> ModelVersions);
