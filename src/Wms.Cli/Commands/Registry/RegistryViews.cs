using Wms.Cli.Commands.Registry.Views;
using Wms.Core.Registry;
using Wms.Core.Registry.Promotion;
using Wms.Core.Tracking;

namespace Wms.Cli.Commands.Registry;

/// <summary>Store records to the commands' output records.</summary>
internal static class RegistryViews
{
    public static string? Rating(double? dice) => dice is { } d ? QualityRatings.Label(QualityRatings.Rate(d)) : null;

    public static ModelVersionView Version(ModelVersion v, Run? run)
    {
        var dice = run?.GetMetric(ModelMetrics.Dice);
        return new ModelVersionView(v.Version, v.Stage.ToString(), v.Aliases, dice, run?.GetMetric(ModelMetrics.Iou), Rating(dice),
            v.CreatedAt, v.RunId, Status(v.Status), v.Description);
    }

    public static ModelDetailView Detail(ModelVersion v, Run? run)
    {
        var dice = run?.GetMetric(ModelMetrics.Dice);
        return new ModelDetailView(v.Name, v.Version, v.Stage.ToString(), v.Aliases, Status(v.Status), v.RunId, run?.Info.RunName,
            v.Source, v.Description, v.CreatedAt, v.UpdatedAt, dice, run?.GetMetric(ModelMetrics.Iou), Rating(dice),
            Sorted(v.Tags), Latest(run), run is null ? new Dictionary<string, string>() : Sorted(run.Params));
    }

    public static PromotionView Promotion(PromotionOutcome outcome)
    {
        var v = outcome.Version;
        return new PromotionView(outcome.Changed, outcome.Kind, v.Name, v.Version, v.RunId, v.Stage.ToString(), v.Aliases,
            outcome.Previous?.Version, outcome.Run?.GetMetric(ModelMetrics.Dice), outcome.Run?.GetMetric(ModelMetrics.Iou),
            Tag(v, outcome.Kind == "archive" ? PromotionTags.ArchivedBy : PromotionTags.PromotedBy),
            Tag(v, outcome.Kind == "archive" ? PromotionTags.ArchivedAt : PromotionTags.PromotedAt),
            Tag(v, outcome.Kind == "archive" ? PromotionTags.ArchiveReason : PromotionTags.Reason), outcome.Message);
    }

    public static RunSummaryView RunSummary(Run run, IEnumerable<ModelVersion> versions)
    {
        var info = run.Info;
        return new RunSummaryView(info.RunId, info.RunName, Status(info.Status), info.StartTime, info.EndTime,
            info.EndTime is { } end ? (end - info.StartTime).TotalSeconds : null,
            run.GetMetric(ModelMetrics.Dice), run.GetMetric(ModelMetrics.Iou),
            versions.Where(v => v.RunId == info.RunId).Select(v => v.Version).Order().ToList());
    }

    public static string Status(RunStatus status) => status.ToString().ToUpperInvariant();

    public static string Status(ModelVersionStatus status) => status switch
    {
        ModelVersionStatus.PendingRegistration => "PENDING_REGISTRATION",
        ModelVersionStatus.FailedRegistration => "FAILED_REGISTRATION",
        _ => "READY",
    };

    public static IReadOnlyDictionary<string, double> Latest(Run? run) =>
        run?.Metrics.OrderBy(m => m.Key, StringComparer.Ordinal).ToDictionary(m => m.Key, m => m.Value.Value) ?? new Dictionary<string, double>();

    private static Dictionary<string, string> Sorted(IReadOnlyDictionary<string, string> pairs) =>
        pairs.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value);

    private static string? Tag(ModelVersion v, string key) => v.Tags.TryGetValue(key, out var value) ? value : null;
}
