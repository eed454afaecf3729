namespace Wms.Cli.Commands.Registry.Views;

/// <summary>`wms models show VERSION|ALIAS --format json`: the version, its tags and its run's data.</summary>
public sealed record ModelDetailView(
    string Model,
    int Version,
    string Stage,
    IReadOnlyList<string> Aliases,
    string Status,
    string? RunId,
    string? RunName,
    string Source,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    double? Dice,
    double? Iou,
    string? Rating,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Params);
