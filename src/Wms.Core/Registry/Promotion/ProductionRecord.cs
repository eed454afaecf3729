namespace Wms.Core.Registry.Promotion;

/// <summary><c>production_current.json</c>: the Production model as recorded in git (REFERENCE §5).</summary>
public sealed record ProductionRecord(
    string ModelName,
    int Version,
    string? RunId,
    string? RunName,
    string Stage,
    IReadOnlyList<string> Aliases,
    string Source,
    string CreatedAt,
    string? PromotedAt,
    string? PromotedBy,
    string? PromotedFrom,
    string? Reason,
    int? PreviousVersion,
    string? RunStartedAt,
    string? RunEndedAt,
    IReadOnlyDictionary<string, double> Metrics,
    IReadOnlyDictionary<string, string> Params);
