using System.Text.Json.Nodes;
using Xunit;

namespace Wms.Deploy.Tests.Monitoring;

public sealed class MonitoringValuesTests
{
    private readonly JsonNode _values = Yaml.LoadFile(RepoPaths.MonitoringValues);

    [Fact]
    public void Prometheus_and_grafana_are_on_the_originals_node_ports()
    {
        Assert.Equal("NodePort", (string?)_values["prometheus"]!["service"]!["type"]);
        Assert.Equal(30900, (int)_values["prometheus"]!["service"]!["nodePort"]!);
        Assert.Equal("NodePort", (string?)_values["grafana"]!["service"]!["type"]);
        Assert.Equal(30300, (int)_values["grafana"]!["service"]!["nodePort"]!);
    }

    [Fact]
    public void No_password_is_in_the_repository_grafana_reads_an_existing_secret()
    {
        Assert.False(string.IsNullOrWhiteSpace((string?)_values["grafana"]!["admin"]!["existingSecret"]));
        Assert.Null(_values["grafana"]!["adminPassword"]);
        Assert.All(Leaves(_values, ""), leaf =>
            Assert.False(leaf.Path.Contains("password", StringComparison.OrdinalIgnoreCase) && !leaf.Path.EndsWith("passwordKey", StringComparison.Ordinal),
                $"{leaf.Path} looks like a committed password"));
    }

    [Fact]
    public void Every_service_monitor_and_rule_is_selected_and_the_dashboard_label_matches_the_sidecar()
    {
        var spec = _values["prometheus"]!["prometheusSpec"]!;
        Assert.False((bool)spec["serviceMonitorSelectorNilUsesHelmValues"]!);
        Assert.False((bool)spec["ruleSelectorNilUsesHelmValues"]!);

        var sidecar = _values["grafana"]!["sidecar"]!["dashboards"]!;
        Assert.True((bool)sidecar["enabled"]!);
        Assert.Equal("ALL", (string?)sidecar["searchNamespace"]);
        var dashboardLabels = Yaml.LoadFile(Path.Combine(RepoPaths.K8s, "dashboards", "kustomization.yaml"))["configMapGenerator"]![0]!["options"]!["labels"]!;
        Assert.Equal((string?)sidecar["labelValue"], (string?)dashboardLabels[(string)sidecar["label"]!]);
    }

    [Fact]
    public void The_kubelet_is_scraped_so_pod_memory_and_cpu_have_data()
    {
        Assert.True((bool)_values["kubelet"]!["enabled"]!);
        Assert.True((bool)_values["kubelet"]!["serviceMonitor"]!["cAdvisor"]!);
    }

    private static IEnumerable<(string Path, JsonNode? Value)> Leaves(JsonNode? node, string path) => node switch
    {
        JsonObject o => o.SelectMany(kv => Leaves(kv.Value, path + "." + kv.Key)),
        JsonArray a => a.SelectMany((n, i) => Leaves(n, $"{path}[{i}]")),
        _ => [(path, node)],
    };
}
