namespace Wms.Core.Registry;

/// <summary>MLflow's spellings of stages, statuses and alias rules, shared by both backends.</summary>
internal static class RegistryText
{
    public static string Stage(ModelStage stage) => stage.ToString();

    public static ModelStage ParseStage(string? text) =>
        Enum.TryParse<ModelStage>(text, ignoreCase: true, out var stage) ? stage : ModelStage.None;

    public static string Status(ModelVersionStatus status) => status switch
    {
        ModelVersionStatus.PendingRegistration => "PENDING_REGISTRATION",
        ModelVersionStatus.FailedRegistration => "FAILED_REGISTRATION",
        _ => "READY",
    };

    public static ModelVersionStatus ParseStatus(string? text) => text switch
    {
        "PENDING_REGISTRATION" => ModelVersionStatus.PendingRegistration,
        "FAILED_REGISTRATION" => ModelVersionStatus.FailedRegistration,
        _ => ModelVersionStatus.Ready,
    };

    /// <summary>MLflow's alias rule: not empty, at most 255 characters, not "latest", not a version like "v3".</summary>
    public static void ValidateAlias(string alias)
    {
        if (string.IsNullOrWhiteSpace(alias) || alias.Length > 255)
            throw new WmsException($"invalid alias '{alias}': it must have 1 to 255 characters");
        if (string.Equals(alias, "latest", StringComparison.OrdinalIgnoreCase)
            || (alias.Length > 1 && alias[0] is 'v' or 'V' && alias[1..].All(char.IsAsciiDigit)))
            throw new WmsException($"invalid alias '{alias}': 'latest' and version-like names (v1, v2, ...) are reserved");
    }

    /// <summary>The artifact path of a version registered from a run, read back from its source URI.</summary>
    public static string? ArtifactPathFromSource(string source, string? runId)
    {
        if (source.StartsWith("runs:/", StringComparison.Ordinal))
        {
            var rest = source["runs:/".Length..].TrimStart('/');
            var slash = rest.IndexOf('/');
            return slash < 0 ? "" : rest[(slash + 1)..].Trim('/');
        }
        if (runId is null) return null;
        var marker = $"/{runId}/artifacts/";
        var at = source.IndexOf(marker, StringComparison.Ordinal);
        return at < 0 ? null : source[(at + marker.Length)..].Trim('/');
    }
}
