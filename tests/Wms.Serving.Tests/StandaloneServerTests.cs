using System.Net;
using Wms.Serving.Tests.Fixtures;
using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>The container's way: <c>dotnet Wms.Serving.dll</c>, the original's environment variables, SIGTERM to stop.</summary>
public sealed class StandaloneServerTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serves_from_MODEL_PATH_and_on_SIGTERM_fails_readiness_first_then_drains_requests_in_flight()
    {
        using var files = new ModelFiles();
        var slow = TinyOnnx.Slow();
        using var server = new ServerProcess(new Dictionary<string, string>
        {
            ["MODEL_PATH"] = files.Write(slow),
            ["Serving__ShutdownDelay"] = "00:00:01",
            ["Serving__Inference__Concurrency"] = "2",
            ["Serving__Model__Threads"] = "1",
        });
        Assert.True(await server.WaitUntilReadyAsync(TimeSpan.FromSeconds(60)) is not null, server.Output);

        var inFlight = Enumerable.Range(0, 2)
            .Select(_ => server.Client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg(64, 48)), Cancel)).ToArray();
        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(server.Client), "wms_inference_busy_workers") >= 1,
            TimeSpan.FromSeconds(30), "a request to reach a worker");
        server.Terminate();

        await Http.WaitForAsync(async () =>
        {
            using var ready = await server.Client.GetAsync("/ready", Cancel);
            return ready.StatusCode == HttpStatusCode.ServiceUnavailable;
        }, TimeSpan.FromSeconds(10), "readiness to fail after SIGTERM");
        foreach (var request in inFlight)
        {
            using var response = await request;
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Equal(ModelFiles.Sha12(slow), (await Http.JsonAsync(response)).GetProperty("metadata").GetProperty("model_version").GetString());
        }
        Assert.True(server.WaitForExit(TimeSpan.FromSeconds(60)), server.Output);
        Assert.True(server.ExitCode == 0, server.Output);
        Assert.Contains("readiness fails now", server.Output);
        // Its own lines only: ASP.NET Core's per-request logging (every probe and scrape) is off by default.
        Assert.DoesNotContain("Request starting", server.Output);
    }

    [Fact]
    public async Task Without_a_model_it_runs_but_is_not_ready()
    {
        using var files = new ModelFiles();
        using var server = new ServerProcess(new Dictionary<string, string> { ["MODEL_PATH"] = files.OnnxPath });

        await Http.WaitForAsync(async () =>
        {
            try
            {
                using var health = await server.Client.GetAsync("/health", Cancel);
                return health.StatusCode == HttpStatusCode.OK;
            }
            catch (HttpRequestException)
            {
                return false;
            }
        }, TimeSpan.FromSeconds(60), "/health to answer");
        using var ready = await server.Client.GetAsync("/ready", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Contains("model not found", server.Output);
    }
}
