namespace Wms.Core.Registry.Promotion;

/// <summary>The version tags that say who promoted or archived a version, when and why.</summary>
public static class PromotionTags
{
    /// <summary>Who promoted the version last.</summary>
    public const string PromotedBy = "wms.promoted_by";
    /// <summary>Host or CI run it was promoted from.</summary>
    public const string PromotedFrom = "wms.promoted_from";
    /// <summary>When (ISO 8601, UTC).</summary>
    public const string PromotedAt = "wms.promoted_at";
    /// <summary>Why (the --reason text, or what the command did).</summary>
    public const string Reason = "wms.promotion_reason";
    /// <summary>promote or rollback.</summary>
    public const string Kind = "wms.promotion_kind";
    /// <summary>Who archived it.</summary>
    public const string ArchivedBy = "wms.archived_by";
    /// <summary>When it was archived.</summary>
    public const string ArchivedAt = "wms.archived_at";
    /// <summary>Why it was archived ("replaced by version 4", or the --reason text).</summary>
    public const string ArchiveReason = "wms.archive_reason";

    internal static Dictionary<string, string> Promotion(PromotionActor actor, DateTimeOffset at, string reason, string kind) => new()
    {
        [PromotedBy] = actor.User,
        [PromotedFrom] = actor.Origin,
        [PromotedAt] = Iso(at),
        [Reason] = reason,
        [Kind] = kind,
    };

    internal static Dictionary<string, string> Archive(PromotionActor actor, DateTimeOffset at, string reason) => new()
    {
        [ArchivedBy] = actor.User,
        [ArchivedAt] = Iso(at),
        [ArchiveReason] = reason,
    };

    internal static string Iso(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture);
}
