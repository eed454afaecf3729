using System.Text.Json;

namespace Wms.Core.Tracking;

/// <summary>Checks a logged-model JSON as the MLflow server does (runs/log-model), so both backends agree.</summary>
internal static class ModelJson
{
    private static readonly string[] Mandatory = ["artifact_path", "flavors", "run_id", "utc_time_created"];

    public static void Validate(string modelJson)
    {
        JsonElement root;
        try
        {
            using var document = JsonDocument.Parse(modelJson);
            root = document.RootElement.Clone();
        }
        catch (JsonException e)
        {
            throw new WmsException($"the logged model is not valid JSON: {e.Message}");
        }
        if (root.ValueKind != JsonValueKind.Object)
            throw new WmsException("the logged model must be a JSON object (the MLmodel as JSON)");
        var missing = Mandatory.Where(k => !root.TryGetProperty(k, out _)).ToList();
        if (missing.Count > 0)
            throw new WmsException($"the logged model JSON misses the mandatory fields: {string.Join(", ", missing)}");
    }
}
