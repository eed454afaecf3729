using System.Net;
using Wms.Serving.Tests.Fixtures;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>/health is liveness in the original's shape; /ready is readiness (model loaded and warmed up).</summary>
public sealed class HealthTests(ServedModel served) : IClassFixture<ServedModel>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Health_has_the_original_shape()
    {
        using var response = await served.Client.GetAsync("/health", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"status":"healthy","model_loaded":true,"device":"cpu"}""", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task Ready_names_the_model()
    {
        using var response = await served.Client.GetAsync("/ready", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await Http.JsonAsync(response);
        Assert.Equal("ready", json.GetProperty("status").GetString());
        Assert.Equal(served.Version, json.GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Without_a_model_the_server_is_alive_but_not_ready_and_predict_is_503()
    {
        using var files = new ModelFiles();
        await using var app = new WmsServingApplication(ServedModel.Settings(files.OnnxPath));
        using var client = app.CreateClient();

        using var health = await client.GetAsync("/health", Cancel);
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        Assert.Equal("""{"status":"no_model","model_loaded":false,"device":"cpu"}""", await health.Content.ReadAsStringAsync(Cancel));

        using var ready = await client.GetAsync("/ready", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        Assert.Equal("not_ready", (await Http.JsonAsync(ready)).GetProperty("status").GetString());

        using var predict = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, predict.StatusCode);
        Assert.Equal("no_model", (await Http.JsonAsync(predict)).GetProperty("reason").GetString());
        Assert.Equal(TimeSpan.FromSeconds(1), predict.Headers.RetryAfter?.Delta);
        var metrics = await Http.MetricsAsync(client);
        Assert.Equal(0, Http.Sample(metrics, "wms_model_loaded"));
        Assert.Equal(1, Http.Sample(metrics, "wms_predict_errors_total{reason=\"no_model\"}"));

        // The model appears later (a deployment copies it in): the server becomes ready without a restart.
        files.Write(ServedModel.Model);
        await Http.WaitUntilReadyAsync(client);
        using var after = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel);
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task A_broken_first_model_leaves_the_server_not_ready()
    {
        using var files = new ModelFiles();
        files.Write("not an onnx model"u8.ToArray());
        await using var app = new WmsServingApplication(ServedModel.Settings(files.OnnxPath));
        using var client = app.CreateClient();

        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(client), "wms_model_reloads_total{result=\"refused\"}") >= 1,
            TimeSpan.FromSeconds(20), "the model to be refused");

        using var ready = await client.GetAsync("/ready", Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        using var predict = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, predict.StatusCode);
    }
}
