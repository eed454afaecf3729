using System.Collections.Concurrent;
using System.Net;
using Wms.Core.Imaging;
using Wms.Core.Models;
using Wms.Serving.Tests.Fixtures;
using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Serving.Tests;

/// <summary>
/// Hot reload from MODEL_PATH: a new model is loaded beside the old one and swapped in without a
/// failed request; a broken one is refused and the old one stays; a request in flight finishes on
/// the model it started with.
/// </summary>
public sealed class HotReloadTests
{
    private static readonly byte[] ModelA = TinyOnnx.ColourRule(1, -1, 0);   // the red rectangle is the counter
    private static readonly byte[] ModelB = TinyOnnx.ColourRule(-1, 1, 0);   // the green background is

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static Dictionary<string, string?> Settings(string path) => ServedModel.Settings(path,
        ("Serving:Model:PollInterval", "00:00:00.050"), ("Serving:Inference:Concurrency", "2"));

    [Fact]
    public async Task Model_switch_under_load_fails_no_request_and_a_broken_model_is_refused()
    {
        using var files = new ModelFiles();
        await using var app = new WmsServingApplication(Settings(files.Write(ModelA)));
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);
        var photo = TestPhotos.Jpeg(96, 72);
        var seen = new ConcurrentQueue<(HttpStatusCode Status, string? Version, byte Centre)>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        var clients = Enumerable.Range(0, 3).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                using var response = await client.PostAsync("/predict", Http.Form("image", photo), CancellationToken.None);
                if (response.StatusCode != HttpStatusCode.OK)
                {
                    seen.Enqueue((response.StatusCode, await response.Content.ReadAsStringAsync(CancellationToken.None), 0));
                    continue;
                }
                var json = await Http.JsonAsync(response);
                var mask = ImageDecoder.DecodeGray(Convert.FromBase64String(json.GetProperty("mask_base64").GetString()!), "mask");
                seen.Enqueue((response.StatusCode, json.GetProperty("metadata").GetProperty("model_version").GetString(), mask.Pixels[256 * 512 + 256]));
            }
        }, CancellationToken.None)).ToArray();

        var a = ModelFiles.Sha12(ModelA);
        var b = ModelFiles.Sha12(ModelB);
        await Http.WaitForAsync(() => Task.FromResult(seen.Count(s => s.Version == a) >= 10), TimeSpan.FromSeconds(60), "10 answers from model A");
        files.Write(ModelB);
        await Http.WaitForAsync(() => Task.FromResult(seen.Count(s => s.Version == b) >= 10), TimeSpan.FromSeconds(60), "10 answers from model B");

        files.Write("a corrupt upload of a model"u8.ToArray());
        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(client), "wms_model_reloads_total{result=\"refused\"}") >= 1,
            TimeSpan.FromSeconds(30), "the broken model to be refused");
        var afterRefusal = seen.Count;
        await Http.WaitForAsync(() => Task.FromResult(seen.Count >= afterRefusal + 10), TimeSpan.FromSeconds(60), "10 answers after the refusal");
        await stop.CancelAsync();
        await Task.WhenAll(clients);

        var all = seen.ToArray();
        Assert.All(all, s => Assert.True(s.Status == HttpStatusCode.OK, $"HTTP {(int)s.Status}: {s.Version}"));
        Assert.All(all.Where(s => s.Version == a), s => Assert.Equal(255, s.Centre));
        Assert.All(all.Where(s => s.Version == b), s => Assert.Equal(0, s.Centre));
        Assert.All(all[afterRefusal..], s => Assert.Equal(b, s.Version));
        using var ready = await client.GetAsync("/ready", Cancel);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        var metrics = await Http.MetricsAsync(client);
        Assert.Equal(2, Http.Sample(metrics, "wms_model_reloads_total{result=\"success\"}"));
        Assert.Equal(1, Http.Sample(metrics, $"wms_model_info{{version=\"{b}\",run_id=\"\",alias=\"file\"}}"));
        Assert.DoesNotContain($"version=\"{a}\"", metrics);
    }

    [Fact]
    public async Task Request_in_flight_finishes_on_the_model_it_started_with()
    {
        var slow = TinyOnnx.Slow();
        using var files = new ModelFiles();
        await using var app = new WmsServingApplication(Settings(files.Write(slow)));
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);

        var inFlight = client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg(64, 48)), Cancel);
        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(client), "wms_inference_busy_workers") == 1,
            TimeSpan.FromSeconds(30), "the slow request to reach a worker");
        files.Write(ModelA);
        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(client), "wms_model_reloads_total{result=\"success\"}") == 2,
            TimeSpan.FromSeconds(30), "model A to be swapped in");

        using var response = await inFlight;
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(ModelFiles.Sha12(slow), (await Http.JsonAsync(response)).GetProperty("metadata").GetProperty("model_version").GetString());
        using var next = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg(64, 48)), Cancel);
        Assert.Equal(ModelFiles.Sha12(ModelA), (await Http.JsonAsync(next)).GetProperty("metadata").GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task MODEL_PATH_may_be_a_model_folder_whose_hashes_are_checked()
    {
        using var files = new ModelFiles();
        var folder = Path.Combine(files.Root, "production");
        ModelFolderWriter.Write(folder, new ModelFolderContent { Onnx = ModelA, RunId = "0123456789abcdef" });
        await using var app = new WmsServingApplication(Settings(folder));
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);

        using (var response = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel))
        {
            var metadata = (await Http.JsonAsync(response)).GetProperty("metadata");
            Assert.Equal(ModelFiles.Sha12(ModelA), metadata.GetProperty("model_version").GetString());
            Assert.Equal("0123456789abcdef", metadata.GetProperty("model_run_id").GetString());
        }

        // Someone edits the ONNX file in place: the folder no longer matches its manifest.
        File.WriteAllBytes(Path.Combine(folder, ModelContract.OnnxFileName), ModelB);
        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(client), "wms_model_reloads_total{result=\"refused\"}") >= 1,
            TimeSpan.FromSeconds(30), "the edited folder to be refused");
        using var after = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel);
        Assert.Equal(ModelFiles.Sha12(ModelA), (await Http.JsonAsync(after)).GetProperty("metadata").GetProperty("model_version").GetString());
    }

    [Fact]
    public async Task A_model_with_the_wrong_contract_is_refused()
    {
        using var files = new ModelFiles();
        await using var app = new WmsServingApplication(Settings(files.Write(ModelA)));
        using var client = app.CreateClient();
        await Http.WaitUntilReadyAsync(client);

        files.Write(TinyOnnx.WrongContract());
        await Http.WaitForAsync(async () => Http.Sample(await Http.MetricsAsync(client), "wms_model_reloads_total{result=\"refused\"}") >= 1,
            TimeSpan.FromSeconds(30), "the model to be refused");

        using var response = await client.PostAsync("/predict", Http.Form("image", TestPhotos.Jpeg()), Cancel);
        Assert.Equal(ModelFiles.Sha12(ModelA), (await Http.JsonAsync(response)).GetProperty("metadata").GetProperty("model_version").GetString());
    }
}
