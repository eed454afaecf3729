namespace Wms.Cli.Commands.Registry.Views;

/// <summary>`wms metrics --format json`: the Production model's test metrics and rating.</summary>
public sealed record ProductionMetricsView(
    string Model,
    int Version,
    string? RunId,
    string Stage,
    IReadOnlyList<string> Aliases,
    double? Dice,
    double? Iou,
    double? Hausdorff,
    string? Rating,
    IReadOnlyDictionary<string, double> Metrics);
