using Microsoft.Extensions.Configuration;

namespace Wms.Serving.Hosting;

/// <summary>
/// The original server was configured with plain environment variables (<c>MODEL_PATH</c>,
/// <c>MODEL_VERSION</c>); they keep working and map onto our sections. An explicit section key
/// (e.g. <c>Serving__Model__Path</c>) wins over the plain name.
/// </summary>
public static class LegacyEnvironmentNames
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>
    {
        ["MODEL_PATH"] = "Serving:Model:Path",
        ["MODEL_VERSION"] = "Serving:Model:Version",
        ["MODEL_NAME"] = "Tracking:ModelName",
        ["WMS_API_KEY"] = "Serving:ApiKey",
    };

    /// <summary>Adds the mapped keys as a source on top of the ones already there (call after environment variables).</summary>
    public static IConfigurationBuilder AddLegacyEnvironmentNames(this IConfigurationManager configuration)
    {
        var mapped = new Dictionary<string, string?>();
        foreach (var (legacy, key) in Map)
        {
            if (configuration[legacy] is { Length: > 0 } value && string.IsNullOrEmpty(configuration[key]))
                mapped[key] = value;
        }
        return mapped.Count == 0 ? configuration : configuration.AddInMemoryCollection(mapped);
    }
}
