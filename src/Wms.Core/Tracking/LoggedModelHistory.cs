using System.Text.Json.Nodes;

namespace Wms.Core.Tracking;

/// <summary>
/// The run tag <c>mlflow.log-model.history</c>: a JSON array of logged models, which the MLflow
/// server appends to on runs/log-model and the MLflow UI reads to show a run's models.
/// </summary>
public static class LoggedModelHistory
{
    /// <summary>The tag's key.</summary>
    public const string TagKey = "mlflow.log-model.history";

    /// <summary>The history with <paramref name="modelJson"/> appended (keeping MLflow's fields only, as its server does).</summary>
    internal static string Append(string? history, string modelJson)
    {
        var array = (history is null ? null : JsonNode.Parse(history) as JsonArray) ?? [];
        var model = JsonNode.Parse(modelJson)!.AsObject();
        var entry = new JsonObject();
        foreach (var key in new[] { "run_id", "artifact_path", "utc_time_created", "model_uuid", "flavors" })
            if (model.TryGetPropertyValue(key, out var value)) entry[key] = value?.DeepClone();
        array.Add(entry);
        return array.ToJsonString();
    }

    /// <summary>The artifact paths of the models logged on a run (from its tags), oldest first.</summary>
    public static IReadOnlyList<string> ArtifactPaths(Run run) =>
        run.Tags.TryGetValue(TagKey, out var history) && JsonNode.Parse(history) is JsonArray array
            ? array.Select(e => e?["artifact_path"]?.GetValue<string>()).OfType<string>().ToList()
            : [];
}
