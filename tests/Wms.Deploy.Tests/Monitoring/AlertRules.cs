using System.Text.Json.Nodes;

namespace Wms.Deploy.Tests.Monitoring;

/// <summary>One alerting rule of the PrometheusRule.</summary>
public sealed record AlertRule(string Group, string Alert, string Expression);

/// <summary>The PrometheusRule's rule groups, and the plain Prometheus rules file promtool reads.</summary>
public static class AlertRules
{
    public static IReadOnlyList<AlertRule> Load(string prometheusRulePath) =>
    [
        .. Groups(prometheusRulePath).SelectMany(g => g!["rules"]!.AsArray().Select(r =>
            new AlertRule((string)g["name"]!, (string)r!["alert"]!, ((string)r["expr"]!).Trim()))),
    ];

    /// <summary>Writes <c>{ "groups": spec.groups }</c> (JSON is YAML) as a rules file for promtool or Prometheus.</summary>
    public static void WriteRulesFile(string prometheusRulePath, string destination) =>
        File.WriteAllText(destination, new JsonObject { ["groups"] = Groups(prometheusRulePath).DeepClone() }.ToJsonString());

    private static JsonArray Groups(string path) => Yaml.LoadFile(path)["spec"]!["groups"]!.AsArray();
}
