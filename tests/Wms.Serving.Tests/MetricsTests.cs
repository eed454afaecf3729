using System.Net;
using Wms.Serving.Tests.Fixtures;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>/metrics: the original's series with their names, types, labels and buckets, plus ours and the HTTP server's.</summary>
public sealed class MetricsTests(ServedModel served) : IClassFixture<ServedModel>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Metrics_text_has_every_series_with_its_type_labels_and_buckets()
    {
        using (var ok = await served.Client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel))
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);

        using var response = await served.Client.GetAsync("/metrics", Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        var text = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Contains("# TYPE wms_predictions_total counter", text);
        Assert.True(Http.Sample(text, "wms_predictions_total") >= 1);
        Assert.Contains("# TYPE wms_predict_latency_seconds histogram", text);
        string[] buckets = ["0.01", "0.025", "0.05", "0.1", "0.25", "0.5", "1", "2.5", "5", "10", "30", "+Inf"];
        foreach (var le in buckets)
            Assert.Contains($"wms_predict_latency_seconds_bucket{{le=\"{le}\"}} ", text);
        Assert.True(Http.Sample(text, "wms_predict_latency_seconds_count") >= 1);
        Assert.Contains("# TYPE wms_predict_errors_total counter", text);
        foreach (var reason in new[] { "not_an_image", "unsupported_media_type", "missing_file", "too_large", "too_many_pixels", "no_model", "queue_full", "timeout", "unauthorized", "model_error" })
            Assert.Contains($"wms_predict_errors_total{{reason=\"{reason}\"}} ", text);
        Assert.Contains("# TYPE wms_model_loaded gauge", text);
        Assert.Equal(1, Http.Sample(text, "wms_model_loaded"));
        Assert.Equal(1, Http.Sample(text, $"wms_model_info{{version=\"{served.Version}\",run_id=\"\",alias=\"file\"}}"));
        Assert.Contains("# TYPE wms_request_image_bytes histogram", text);
        Assert.Contains("wms_request_image_bytes_bucket{le=\"16384\"} ", text);
        Assert.Equal(1, Http.Sample(text, "wms_model_reloads_total{result=\"success\"}"));
        Assert.Contains("# TYPE wms_inference_queue_depth gauge", text);

        Assert.True(text.Contains("# TYPE http_server_request_duration_seconds histogram"), text);
        Assert.True(text.Contains("http_server_request_duration_seconds_bucket{http_request_method=\"POST\",http_route=\"/predict\",http_response_status_code=\"200\",le=\"0.005\"}"),
            string.Join('\n', text.Split('\n').Where(l => l.StartsWith("http_", StringComparison.Ordinal))));
        Assert.Contains("# TYPE http_server_active_requests gauge", text);
        Assert.Contains("# TYPE process_working_set_bytes gauge", text);
    }

    [Fact]
    public async Task Metrics_text_passes_promtool()
    {
        var promtool = FindOnPath("promtool");
        if (promtool is null) Assert.Skip("needs promtool (apt-get install prometheus; .ci/run does)");
        var text = await Http.MetricsAsync(served.Client);
        using var temp = new TempDirectory();
        var file = temp.Combine("metrics.txt");
        await File.WriteAllTextAsync(file, text, Cancel);

        var (code, stdout, stderr) = TestEnvironment.Run("/bin/sh", ["-c", $"{promtool} check metrics < '{file}'"], TimeSpan.FromSeconds(60));

        // promtool lints naming too; the only findings allowed are about series we do not name.
        var findings = (stdout + stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(line => line.StartsWith("wms_", StringComparison.Ordinal) || line.StartsWith("http_server", StringComparison.Ordinal)
                || line.Contains("error", StringComparison.OrdinalIgnoreCase)).ToArray();
        Assert.True(findings.Length == 0, $"promtool (exit {code}):\n{stdout}{stderr}");
    }

    internal static string? FindOnPath(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':').Select(dir => Path.Combine(dir, name)).FirstOrDefault(File.Exists);
}
