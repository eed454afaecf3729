using Wms.Core.Registry;
using Wms.Core.Tracking.Mlflow.Wire;

namespace Wms.Core.Tracking.Mlflow;

/// <summary>MLflow's wire shapes to wms's records and back.</summary>
internal static class MlflowMapping
{
    public static Experiment ToExperiment(WireExperiment e) =>
        new(e.ExperimentId, e.Name, e.ArtifactLocation ?? "", ToDictionary(e.Tags));

    public static RunInfo ToRunInfo(WireRunInfo i) =>
        new(i.RunId, i.ExperimentId, i.RunName ?? "", ParseStatus(i.Status), Timestamps.FromMs(i.StartTime),
            Timestamps.FromMs(i.EndTime), i.ArtifactUri ?? "");

    public static Run ToRun(WireRun r) => new(
        ToRunInfo(r.Info),
        (r.Data?.Metrics ?? []).GroupBy(m => m.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => ToMetric(g.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).Last()), StringComparer.Ordinal),
        ToDictionary(r.Data?.Params),
        ToDictionary(r.Data?.Tags));

    public static Metric ToMetric(WireMetric m) => new(m.Key, m.Value, m.Step, Timestamps.FromMs(m.Timestamp));

    public static WireMetric ToWire(Metric m) => new(m.Key, m.Value, Timestamps.ToMs(m.Timestamp), m.Step);

    public static List<WireTag> ToWire(IReadOnlyDictionary<string, string>? pairs) =>
        (pairs ?? new Dictionary<string, string>()).Select(p => new WireTag(p.Key, p.Value)).ToList();

    public static RegisteredModel ToRegisteredModel(WireRegisteredModel m) => new(
        m.Name, m.Description ?? "", Timestamps.FromMs(m.CreationTimestamp ?? 0), Timestamps.FromMs(m.LastUpdatedTimestamp ?? 0),
        ToDictionary(m.Tags), (m.Aliases ?? []).ToDictionary(a => a.Alias, a => ParseVersion(a.Version), StringComparer.Ordinal));

    /// <param name="v">The version as the server sent it.</param>
    /// <param name="aliases">Aliases from elsewhere (model-versions/search omits them); the version's own otherwise.</param>
    public static ModelVersion ToModelVersion(WireModelVersion v, IReadOnlyList<string>? aliases = null) => new(
        v.Name, ParseVersion(v.Version), RegistryText.ParseStage(v.CurrentStage), RegistryText.ParseStatus(v.Status),
        string.IsNullOrEmpty(v.RunId) ? null : v.RunId, v.Source ?? "",
        RegistryText.ArtifactPathFromSource(v.Source ?? "", string.IsNullOrEmpty(v.RunId) ? null : v.RunId),
        v.Description ?? "", Timestamps.FromMs(v.CreationTimestamp ?? 0), Timestamps.FromMs(v.LastUpdatedTimestamp ?? 0),
        ToDictionary(v.Tags), aliases ?? (IReadOnlyList<string>?)v.Aliases?.Order(StringComparer.Ordinal).ToList() ?? []);

    public static int ParseVersion(string text) =>
        int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v)
            ? v
            : throw new WmsException($"MLflow returned a model version '{text}' that is not a number", WmsErrorKind.DependencyUnavailable);

    public static string Text(int version) => version.ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static string StatusName(RunStatus status) => status.ToString().ToUpperInvariant();

    private static RunStatus ParseStatus(string? text) =>
        Enum.TryParse<RunStatus>(text, ignoreCase: true, out var status) ? status : RunStatus.Running;

    private static Dictionary<string, string> ToDictionary(List<WireTag>? tags)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var tag in tags ?? []) result[tag.Key] = tag.Value;
        return result;
    }
}
