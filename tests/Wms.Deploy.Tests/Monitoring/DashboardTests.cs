using System.Text.Json.Nodes;
using Xunit;

namespace Wms.Deploy.Tests.Monitoring;

public sealed class DashboardTests
{
    private readonly GrafanaDashboard _dashboard = GrafanaDashboard.Load(RepoPaths.Dashboard);

    [Fact]
    public void It_is_the_original_dashboard_by_uid_and_title_importable_anywhere()
    {
        Assert.Equal("wms-model-dashboard", (string?)_dashboard.Root["uid"]);
        Assert.Equal("WMS Model Performance", (string?)_dashboard.Root["title"]);
        Assert.True(_dashboard.Root.ContainsKey("id"));
        Assert.Null(_dashboard.Root["id"]);
    }

    [Fact]
    public void Every_panel_and_query_uses_the_datasource_variable()
    {
        var variable = Assert.Single(_dashboard.Variables, v => (string?)v["type"] == "datasource");
        Assert.Equal("prometheus", (string?)variable["query"]);
        var reference = "${" + (string)variable["name"]! + "}";

        Assert.All(_dashboard.Panels.Where(p => (string?)p["type"] != "row"), panel =>
        {
            Assert.Equal(reference, (string?)panel["datasource"]!["uid"]);
            Assert.All(panel["targets"]!.AsArray(), t => Assert.Equal(reference, (string?)t!["datasource"]!["uid"]));
        });
        Assert.All(_dashboard.Variables.Where(v => v["datasource"] is not null), v => Assert.Equal(reference, (string?)v["datasource"]!["uid"]));
    }

    [Fact]
    public void Panel_ids_are_unique_and_panels_do_not_overlap()
    {
        var panels = _dashboard.Panels.ToList();
        Assert.Equal(panels.Count, panels.Select(p => (int)p["id"]!).Distinct().Count());
        var cells = new HashSet<(int, int)>();
        foreach (var panel in panels)
        {
            var grid = panel["gridPos"]!;
            Assert.InRange((int)grid["x"]! + (int)grid["w"]!, 1, 24);
            for (var x = (int)grid["x"]!; x < (int)grid["x"]! + (int)grid["w"]!; x++)
                for (var y = (int)grid["y"]!; y < (int)grid["y"]! + (int)grid["h"]!; y++)
                    Assert.True(cells.Add((x, y)), $"panel '{panel["title"]}' overlaps another at ({x},{y})");
        }
    }

    [Fact]
    public void It_has_the_originals_panels_with_working_queries()
    {
        var queries = _dashboard.Queries.Select(q => Squash(q.Expression)).ToList();

        Assert.Contains(queries, q => q.StartsWith("sum(rate(wms_predictions_total{", StringComparison.Ordinal));
        foreach (var quantile in new[] { "0.5", "0.95", "0.99" })
            Assert.Contains(queries, q => q.StartsWith($"histogram_quantile({quantile}, sum by (le) (rate(wms_predict_latency_seconds_bucket{{", StringComparison.Ordinal));
        // errors / (predictions + errors), not the original's errors / predictions.
        var ratio = Assert.Single(_dashboard.Queries, q => q.Panel == "Error ratio").Expression;
        var denominator = ratio[(ratio.IndexOf(") / (", StringComparison.Ordinal) + 4)..];
        Assert.Contains("wms_predictions_total", denominator);
        Assert.Contains("wms_predict_errors_total", denominator);
    }

    [Fact]
    public void It_shows_model_version_readiness_request_sizes_and_http_metrics()
    {
        var byPanel = _dashboard.Queries.GroupBy(q => q.Panel).ToDictionary(g => g.Key, g => string.Join("\n", g.Select(q => q.Expression)));
        Assert.Contains("wms_model_info", byPanel["Model version"]);
        Assert.Contains("wms_model_loaded", byPanel["Pods with the model loaded"]);
        Assert.Contains("wms_request_image_bytes_bucket", byPanel["Request image size (p50 / p95)"]);
        Assert.Contains(byPanel.Values, q => q.Contains("http_server_request_duration_seconds_count", StringComparison.Ordinal));
        Assert.Contains(byPanel.Values, q => q.Contains("http_server_request_duration_seconds_bucket", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Pod memory (working set)", "container_memory_working_set_bytes")]
    [InlineData("Pod CPU", "container_cpu_usage_seconds_total")]
    public void Pod_resource_panels_query_cadvisor_per_pod(string title, string metric)
    {
        var panel = Assert.Single(_dashboard.Panels, p => (string?)p["title"] == title);
        var usage = Assert.Single(panel["targets"]!.AsArray(), t => ((string)t!["expr"]!).Contains(metric, StringComparison.Ordinal))!;
        var expr = Squash((string)usage["expr"]!);
        Assert.StartsWith("sum by (pod) (", expr);
        // The pod's own container only: cAdvisor also reports the pod cgroup (container="") and the pause container.
        Assert.Contains("container=\"model-api\"", expr);
        Assert.Equal("{{pod}}", (string?)usage["legendFormat"]);
    }

    private static string Squash(string expression) => string.Join(' ', expression.Split((char[])['\n', ' '], StringSplitOptions.RemoveEmptyEntries));
}
