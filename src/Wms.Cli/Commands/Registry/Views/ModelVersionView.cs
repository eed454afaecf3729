namespace Wms.Cli.Commands.Registry.Views;

/// <summary>One version in `wms models list` and `wms metrics --all`.</summary>
public sealed record ModelVersionView(
    int Version,
    string Stage,
    IReadOnlyList<string> Aliases,
    double? Dice,
    double? Iou,
    string? Rating,
    DateTimeOffset CreatedAt,
    string? RunId,
    string Status,
    string Description);
