using System.Diagnostics;
using System.Net;
using Wms.Serving.Tests.Fixtures;
using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>The bounded queue: a saturated server answers 503 + Retry-After at once, and a request has a time budget.</summary>
public sealed class QueueTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Saturated_queue_answers_503_with_retry_after_at_once_and_then_serves_again()
    {
        using var files = new ModelFiles();
        await using var app = new WmsServingApplication(ServedModel.Settings(files.Write(TinyOnnx.Slow()),
            ("Serving:Inference:Concurrency", "1"), ("Serving:Inference:QueueCapacity", "1"), ("Serving:Inference:RetryAfterSeconds", "2")));
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);
        var photo = TestPhotos.Jpeg(64, 48);

        var watch = Stopwatch.StartNew();
        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(async _ =>
        {
            var response = await client.PostAsync("/predict", Http.Form("image", photo), Cancel);
            return (response, seconds: watch.Elapsed.TotalSeconds);
        }));

        var ok = responses.Where(r => r.response.StatusCode == HttpStatusCode.OK).ToArray();
        var busy = responses.Where(r => r.response.StatusCode == HttpStatusCode.ServiceUnavailable).ToArray();
        var timings = string.Join(", ", responses.Select(r => $"{(int)r.response.StatusCode}@{r.seconds:F2}s"));
        // One worker and one place in the queue: one or two are served, the rest refused.
        Assert.True(ok.Length is 1 or 2 && ok.Length + busy.Length == 8, timings);
        foreach (var (response, _) in busy)
        {
            Assert.Equal(TimeSpan.FromSeconds(2), response.Headers.RetryAfter?.Delta);
            Assert.Equal("queue_full", (await Http.JsonAsync(response)).GetProperty("reason").GetString());
        }
        // Refused at once: every 503 came back before the last accepted request finished.
        Assert.True(busy.Max(b => b.seconds) < ok.Max(o => o.seconds), timings);
        Assert.Equal(busy.Length, Http.Sample(await Http.MetricsAsync(client), "wms_predict_errors_total{reason=\"queue_full\"}"));

        using var later = await client.PostAsync("/predict", Http.Form("image", photo), Cancel);
        Assert.Equal(HttpStatusCode.OK, later.StatusCode);
        foreach (var (response, _) in responses) response.Dispose();
    }

    [Fact]
    public async Task Request_over_its_time_budget_is_503_timeout()
    {
        using var files = new ModelFiles();
        await using var app = new WmsServingApplication(ServedModel.Settings(files.Write(TinyOnnx.Slow()),
            ("Serving:RequestTimeout", "00:00:00.100"), ("Serving:Inference:Concurrency", "1")));
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);

        using var response = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg(64, 48)), Cancel);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal("timeout", (await Http.JsonAsync(response)).GetProperty("reason").GetString());
        Assert.NotNull(response.Headers.RetryAfter);
        using var health = await client.GetAsync("/health", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
    }
}
