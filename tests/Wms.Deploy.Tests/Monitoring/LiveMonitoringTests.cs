using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using Wms.Deploy.Tests.Docker;
using Wms.Tests.Shared;
using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Deploy.Tests.Monitoring;

/// <summary>
/// The dashboard and the alert rules against real data: the published serving app with a tiny ONNX
/// model, a real Prometheus scraping it every second (with the namespace and pod labels Kubernetes
/// discovery adds), a bounded burst of good and bad predictions, then every query through
/// Prometheus's HTTP API as Grafana and the rule evaluator run them.
/// </summary>
public sealed partial class LiveMonitoringTests(ServingPublishFixture publish)
{
    private const int Good = 24;
    private const int Bad = 6;

    /// <summary>The smallest valid PNG (1x1): the server resizes it to the model's 512x512 like any photo.</summary>
    private static readonly byte[] Photo = Convert.FromBase64String("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==");

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Every_dashboard_and_alert_query_runs_on_scraped_data_and_the_traffic_queries_return_it()
    {
        PrometheusServer.RequireTool(); // before the publish: skip fast without Prometheus
        using var temp = new TempDirectory("wms-live-monitoring");
        var model = temp.Combine("model.onnx");
        await File.WriteAllBytesAsync(model, TinyOnnx.ColourRule(1, -1, 0), Ct);
        var rules = temp.Combine("wms-rules.yaml");
        AlertRules.WriteRulesFile(RepoPaths.PrometheusRule, rules);

        using var server = new PublishedServer(publish.Directory, new Dictionary<string, string>
        {
            ["MODEL_PATH"] = model,
            ["Serving__Model__Threads"] = "1",
        });
        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60), Ct), server.Output);
        var labels = new Dictionary<string, string> { ["namespace"] = "wms", ["pod"] = "wms-model-api-7d9f-abcde" };
        await using var prometheus = await PrometheusServer.StartAsync(
            [new ScrapeTarget("wms-model-api", server.Address, Labels: labels)], [rules], TimeSpan.FromSeconds(1), Ct);
        // One scrape with the counters at 0 before the traffic, so rate() sees the whole burst.
        await prometheus.WaitForTargetsUpAsync(TimeSpan.FromSeconds(30), Ct);

        await SendBurstAsync(server.Client);
        await WaitForScrapedAsync(prometheus, "sum(wms_predictions_total)", Good, server);
        await WaitForScrapedAsync(prometheus, "sum(wms_predict_errors_total)", Bad, server);

        var dashboard = GrafanaDashboard.Load(RepoPaths.Dashboard);
        foreach (var query in dashboard.Queries)
        {
            var result = await prometheus.QueryAsync(dashboard.Expand(query.Expression), Ct);
            Assert.True(result.IsSuccess, $"{query.Panel} {query.RefId}: {result}");
            // The pod memory and CPU panels read the kubelet and kube-state-metrics, which no test runs.
            if (ServedByTheApp(query.Expression))
                Assert.True(result.SeriesCount > 0, $"{query.Panel} {query.RefId} returned no data: {result}");
        }
        Assert.True((await prometheus.QueryAsync("wms_model_loaded", Ct)).SeriesCount > 0, "the namespace variable's label_values(wms_model_loaded, namespace)");

        Assert.True(await ValueAsync(prometheus, dashboard, "Requests per second", "A") > 0);
        Assert.True(await ValueAsync(prometheus, dashboard, "Requests per second", "B") > 0);
        var p95 = await ValueAsync(prometheus, dashboard, "Prediction latency (p50 / p95 / p99)", "B");
        Assert.InRange(p95, 1e-6, 30);
        // errors / (predictions + errors), from rates over the same scrapes.
        Assert.InRange(await ValueAsync(prometheus, dashboard, "Error ratio", "A"), 0.15, 0.25);

        await AssertAlertRulesAsync(prometheus);
    }

    private static async Task AssertAlertRulesAsync(PrometheusServer prometheus)
    {
        foreach (var rule in AlertRules.Load(RepoPaths.PrometheusRule))
        {
            var result = await prometheus.QueryAsync(rule.Expression, Ct);
            Assert.True(result.IsSuccess, $"{rule.Alert}: {result}");
        }
        var errorRatio = await prometheus.QueryAsync(AlertRules.Load(RepoPaths.PrometheusRule).Single(r => r.Alert == "WmsPredictErrorRatioHigh").Expression, Ct);
        Assert.True(errorRatio.SeriesCount == 1, $"20 % errors is above the 1 % threshold: {errorRatio}");

        // The rule evaluator's view: every rule evaluates without error on the real series; the
        // error-ratio alert is pending (its `for` has not passed), the others stay quiet.
        Dictionary<string, (string Health, string State, string Error)> states;
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        while (true)
        {
            states = (await prometheus.RulesAsync(Ct)).GetProperty("groups").EnumerateArray()
                .SelectMany(g => g.GetProperty("rules").EnumerateArray())
                .ToDictionary(r => r.GetProperty("name").GetString()!, r => (
                    r.GetProperty("health").GetString()!,
                    r.TryGetProperty("state", out var s) ? s.GetString()! : "",
                    r.TryGetProperty("lastError", out var e) ? e.GetString() ?? "" : ""));
            if (states.GetValueOrDefault("WmsPredictErrorRatioHigh").State == "pending" || DateTime.UtcNow > deadline) break;
            await Task.Delay(250, Ct);
        }
        Assert.All(states, s => Assert.True(s.Value.Health == "ok", $"{s.Key}: {s.Value.Health} {s.Value.Error}"));
        Assert.Equal("pending", states["WmsPredictErrorRatioHigh"].State);
        Assert.Equal("inactive", states["WmsPredictLatencyHigh"].State);
        Assert.Equal("inactive", states["WmsModelNotLoaded"].State);
        Assert.Equal("inactive", states["WmsModelInfoMissing"].State);
    }

    private static async Task SendBurstAsync(HttpClient client)
    {
        for (var i = 0; i < Good; i++)
        {
            using var ok = await client.PostAsync("/predict", Form("image", Photo, "meter.png", "image/png"), Ct);
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }
        for (var i = 0; i < Bad; i++)
        {
            // Half are not images, half have no photo field: both 4xx, both counted as errors.
            using var bad = i % 2 == 0
                ? await client.PostAsync("/predict", Form("image", "not a photo"u8.ToArray(), "meter.png", "image/png"), Ct)
                : await client.PostAsync("/predict", Form("comment", Photo, "meter.png", "image/png"), Ct);
            Assert.InRange((int)bad.StatusCode, 400, 499);
        }
    }

    private static MultipartFormDataContent Form(string field, byte[] bytes, string fileName, string contentType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(contentType);
        return new MultipartFormDataContent { { file, field, fileName } };
    }

    private static async Task WaitForScrapedAsync(PrometheusServer prometheus, string expression, double expected, PublishedServer server)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(30);
        PromQueryResult result;
        do
        {
            result = await prometheus.QueryAsync(expression, Ct);
            if (result.Values.Count == 1 && result.Values[0] >= expected) return;
            await Task.Delay(250, Ct);
        }
        while (DateTime.UtcNow < deadline);
        Assert.Fail($"{expression} never reached {expected}: {result}\nserver:\n{server.Output}\nprometheus:\n{prometheus.Log}");
    }

    private static async Task<double> ValueAsync(PrometheusServer prometheus, GrafanaDashboard dashboard, string panel, string refId)
    {
        var query = dashboard.Queries.Single(q => q.Panel == panel && q.RefId == refId);
        var result = await prometheus.QueryAsync(dashboard.Expand(query.Expression), Ct);
        Assert.True(result.Values.Count == 1, $"{panel} {refId}: {result}");
        return result.Values[0];
    }

    /// <summary>True when every metric the expression reads is one the model API exports itself.</summary>
    private static bool ServedByTheApp(string expression) =>
        MetricName().Matches(expression).All(m => m.Value.StartsWith("wms_", StringComparison.Ordinal) || m.Value.StartsWith("http_server_", StringComparison.Ordinal));

    [GeneratedRegex(@"\b(?:wms|http_server|container|kube|process|dotnet)_\w+")]
    private static partial Regex MetricName();
}
