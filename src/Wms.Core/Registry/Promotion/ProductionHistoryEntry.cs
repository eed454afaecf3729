namespace Wms.Core.Registry.Promotion;

/// <summary>One line of <c>production_history.jsonl</c>: one promotion or rollback.</summary>
public sealed record ProductionHistoryEntry(
    string PromotedAt,
    string Event,
    string ModelName,
    int Version,
    string? RunId,
    int? PreviousVersion,
    string? PromotedBy,
    string? PromotedFrom,
    string? Reason,
    double? Dice,
    double? Iou);
