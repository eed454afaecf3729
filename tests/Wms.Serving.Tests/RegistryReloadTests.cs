using System.Collections.Concurrent;
using System.Net;
using Wms.Core.Registry;
using Wms.Serving.Tests.Fixtures;
using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>
/// MODEL_VERSION from the registry (the real embedded store): the server serves Production, follows
/// its changes under load without a failed request, refuses a broken version and keeps the old one.
/// </summary>
public sealed class RegistryReloadTests
{
    private static readonly byte[] ModelA = TinyOnnx.ColourRule(1, -1, 0);
    private static readonly byte[] ModelB = TinyOnnx.ColourRule(-1, 1, 0);

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Production_change_under_load_fails_no_request_and_a_broken_version_is_refused()
    {
        using var registry = new EmbeddedRegistry();
        var v1 = await registry.PublishAsync(ModelA, Cancel);
        await using var app = new WmsServingApplication(registry.Settings());
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);
        var seen = new ConcurrentQueue<(HttpStatusCode Status, string? Version)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);
        var clients = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            var photo = TestPhotos.Jpeg(96, 72);
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.PostAsync("/predict", Http.Form("image", photo), CancellationToken.None);
                var body = await Http.JsonAsync(response);
                seen.Enqueue((response.StatusCode, response.StatusCode == HttpStatusCode.OK
                    ? body.GetProperty("metadata").GetProperty("model_version").GetString() : body.ToString()));
            }
        }, CancellationToken.None)).ToArray();

        await Http.WaitForAsync(() => Task.FromResult(seen.Count(s => s.Version == "1") >= 10), TimeSpan.FromSeconds(60), "10 answers from version 1");
        var v2 = await registry.PublishAsync(ModelB, Cancel);
        await Http.WaitForAsync(() => Task.FromResult(seen.Count(s => s.Version == "2") >= 10), TimeSpan.FromSeconds(60), "10 answers from version 2");
        await registry.PublishAsync("not an onnx model"u8.ToArray(), Cancel);
        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(client), "wms_model_reloads_total{result=\"refused\"}") >= 1,
            TimeSpan.FromSeconds(30), "version 3 to be refused");
        var afterRefusal = seen.Count;
        await Http.WaitForAsync(() => Task.FromResult(seen.Count >= afterRefusal + 10), TimeSpan.FromSeconds(60), "10 answers after the refusal");
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var all = seen.ToArray();
        Assert.All(all, s => Assert.True(s.Status == HttpStatusCode.OK, $"HTTP {(int)s.Status}: {s.Version}"));
        Assert.All(all[afterRefusal..], s => Assert.Equal("2", s.Version));
        var metrics = await Http.MetricsAsync(client);
        Assert.Equal(1, Http.Sample(metrics, $"wms_model_info{{version=\"2\",run_id=\"{v2.RunId}\",alias=\"production\"}}"));
        Assert.DoesNotContain($"run_id=\"{v1.RunId}\"", metrics);
        using var ready = await client.GetAsync("/ready", Cancel);
        Assert.Equal("2", (await Http.JsonAsync(ready)).GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Empty_registry_is_not_ready_until_a_version_is_promoted()
    {
        using var registry = new EmbeddedRegistry();
        await using var app = new WmsServingApplication(registry.Settings());
        using var client = app.CreateClient();

        using (var ready = await client.GetAsync("/ready", Cancel))
            Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
        var version = await registry.PublishAsync(ModelA, Cancel);

        await Http.WaitUntilReadyAsync(client);
        using var response = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel);
        var metadata = (await Http.JsonAsync(response)).GetProperty("metadata");
        Assert.Equal("1", metadata.GetProperty("model_version").GetString());
        Assert.Equal(version.RunId, metadata.GetProperty("model_run_id").GetString());
        Assert.Equal("production", metadata.GetProperty("model_alias").GetString());
    }

    [Theory]
    [InlineData("Production")]
    [InlineData("1")]
    [InlineData("v1")]
    public async Task MODEL_VERSION_may_name_a_stage_or_pin_a_version(string reference)
    {
        using var registry = new EmbeddedRegistry();
        await registry.PublishAsync(ModelA, Cancel);
        var settings = registry.Settings(reference);
        settings.Remove("Serving:Model:Version");
        settings["MODEL_VERSION"] = reference;
        await using var app = new WmsServingApplication(settings);
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);

        await registry.PublishAsync(ModelB, Cancel);
        var expected = reference == "Production" ? "2" : "1";
        await Http.WaitForAsync(async () =>
        {
            using var ready = await client.GetAsync("/ready", Cancel);
            return (await Http.JsonAsync(ready)).GetProperty("model_version").GetString() == expected;
        }, TimeSpan.FromSeconds(30), $"version {expected}");
        // A pinned version stays put however long Production moves on.
        await Task.Delay(300, Cancel);
        using var again = await client.GetAsync("/ready", Cancel);
        Assert.Equal(expected, (await Http.JsonAsync(again)).GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task A_version_whose_files_do_not_match_their_hashes_is_refused()
    {
        using var registry = new EmbeddedRegistry();
        await registry.PublishAsync(ModelA, Cancel);
        await using var app = new WmsServingApplication(registry.Settings());
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);

        // Version 2's ONNX file is swapped after registration: still a valid model, but not the one its manifest names.
        var v2 = await registry.RegisterAsync(ModelB, Cancel);
        File.WriteAllBytes(registry.StoredOnnx(v2), TinyOnnx.ColourRule(0, 1, 0));
        await registry.Store.PromoteAsync(RegistryNames.ModelName, v2.Version, cancellationToken: Cancel);
        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(client), "wms_model_reloads_total{result=\"refused\"}") >= 1,
            TimeSpan.FromSeconds(30), "version 2 to be refused");

        using var ready = await client.GetAsync("/ready", Cancel);
        Assert.Equal("1", (await Http.JsonAsync(ready)).GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task Downloaded_models_land_in_the_cache_one_folder_per_version()
    {
        using var registry = new EmbeddedRegistry();
        await registry.PublishAsync(ModelA, Cancel);
        await using var app = new WmsServingApplication(registry.Settings());
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);

        var onnx = Path.Combine(registry.CacheDirectory, RegistryNames.ModelName, "1", "model.onnx");
        Assert.Equal(ModelA, await File.ReadAllBytesAsync(onnx, Cancel));
    }
}
