namespace Wms.Cli.Commands.Registry.Views;

/// <summary>What `wms promote`, `wms models promote|rollback|archive` did.</summary>
public sealed record PromotionView(
    bool Changed,
    string Action,
    string Model,
    int Version,
    string? RunId,
    string Stage,
    IReadOnlyList<string> Aliases,
    int? PreviousVersion,
    double? Dice,
    double? Iou,
    string? PromotedBy,
    string? PromotedAt,
    string? Reason,
    string Message);
