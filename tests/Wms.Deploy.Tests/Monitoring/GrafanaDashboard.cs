using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Wms.Deploy.Tests.Monitoring;

/// <summary>One PromQL query of a dashboard panel.</summary>
public sealed record PanelQuery(string Panel, string RefId, string Expression);

/// <summary>The dashboard JSON, its panels (rows included) and their queries with Grafana's variables expanded.</summary>
public sealed partial class GrafanaDashboard(JsonObject root)
{
    public static GrafanaDashboard Load(string path) => new(JsonNode.Parse(File.ReadAllText(path))!.AsObject());

    public JsonObject Root => root;

    /// <summary>Every panel, with the panels of collapsed rows.</summary>
    public IEnumerable<JsonObject> Panels => (root["panels"]?.AsArray() ?? []).OfType<JsonObject>()
        .SelectMany(p => (p["panels"]?.AsArray() ?? []).OfType<JsonObject>().Prepend(p));

    public IEnumerable<JsonObject> Variables => (root["templating"]?["list"]?.AsArray() ?? []).OfType<JsonObject>();

    public IEnumerable<PanelQuery> Queries => Panels.SelectMany(p => (p["targets"]?.AsArray() ?? []).OfType<JsonObject>()
        .Where(t => t["expr"] is not null)
        .Select(t => new PanelQuery((string)p["title"]!, (string?)t["refId"] ?? "", (string)t["expr"]!)));

    /// <summary>
    /// The expression as Grafana sends it: $__rate_interval and friends become durations, query
    /// variables their "All" value (".*"), so Prometheus can parse and run it.
    /// </summary>
    public string Expand(string expression)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["__rate_interval"] = "1m",
            ["__interval"] = "15s",
            ["__range"] = "1h",
        };
        foreach (var variable in Variables)
            values.TryAdd((string)variable["name"]!, (string?)variable["allValue"] ?? ".*");
        return VariablePattern().Replace(expression, m =>
        {
            var name = m.Groups["braced"].Success ? m.Groups["braced"].Value : m.Groups["plain"].Value;
            return values.TryGetValue(name, out var value) ? value : m.Value;
        });
    }

    [GeneratedRegex(@"\$\{(?<braced>\w+)(?::\w+)?\}|\$(?<plain>\w+)")]
    private static partial Regex VariablePattern();
}
