using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Text.Json;
using SkiaSharp;
using Wms.Core.Models;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Wms.Tests.Shared;
using Wms.Tests.Shared.Onnx;
using Xunit;

namespace Wms.Cli.Tests.Commands.Serve;

/// <summary>`wms serve` starts the same API as the container, on a real port, and stops cleanly on Ctrl+C.</summary>
public sealed class ServeCommandTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Serves_the_model_given_with_model_until_cancelled()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.Combine("model.onnx"), TinyOnnx.ColourRule(1, -1, 0));
        var port = LoopbackPorts.Free();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        // A relative --model is resolved against the workspace.
        var run = Task.Run(() => CliRunner.RunAsync(temp.Path, ["serve", "--port", $"{port}", "--model", "model.onnx", "--threads", "1"],
            new Dictionary<string, string?> { ["Serving:Model:PollInterval"] = "00:00:00" }, cancellationToken: stop.Token), Cancel);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilReadyAsync(client, run);
        var form = new MultipartFormDataContent();
        var photo = new ByteArrayContent(Jpeg());
        photo.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        form.Add(photo, "image", "meter.jpg");
        using var response = await client.PostAsync("/predict", form, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal("success", json.GetProperty("status").GetString());
        Assert.Equal("cpu", json.GetProperty("metadata").GetProperty("device").GetString());

        await stop.CancelAsync();
        var result = await run;
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains($"127.0.0.1:{port}", result.Stderr);
        Assert.DoesNotContain("info:", result.Stdout);
    }

    [Fact]
    public async Task Without_model_it_serves_the_workspace_registry_production_version()
    {
        using var temp = new TempDirectory();
        var runId = await PublishAsync(temp.Path, TinyOnnx.ColourRule(1, -1, 0));
        var port = LoopbackPorts.Free();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Cancel);

        var run = Task.Run(() => CliRunner.RunAsync(temp.Path, ["serve", "--port", $"{port}", "--threads", "1"],
            new Dictionary<string, string?> { ["Serving:Model:PollInterval"] = "00:00:00" }, cancellationToken: stop.Token), Cancel);

        using var client = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}") };
        await WaitUntilReadyAsync(client, run);
        var ready = JsonDocument.Parse(await client.GetStringAsync("/ready", Cancel)).RootElement;
        Assert.Equal("1", ready.GetProperty("model_version").GetString());
        Assert.Equal(runId, ready.GetProperty("model_run_id").GetString());
        await stop.CancelAsync();
        Assert.Equal(ExitCodes.Success, (await run).ExitCode);
    }

    [Fact]
    public async Task A_missing_model_file_is_not_found_at_once()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "serve", "--port", "0", "--model", "nope.onnx");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("nope.onnx", result.Stderr);
    }

    [Fact]
    public async Task A_port_in_use_is_invalid_usage()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.Combine("model.onnx"), TinyOnnx.ColourRule(1, -1, 0));
        using var taken = new TcpListener(IPAddress.Loopback, 0);
        taken.Start();
        var port = ((IPEndPoint)taken.LocalEndpoint).Port;

        var result = await CliRunner.RunAsync(temp.Path, "serve", "--port", $"{port}", "--model", "model.onnx");

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("in use", result.Stderr);
    }

    [Theory]
    [InlineData("--port", "70000")]
    [InlineData("--threads", "0")]
    public async Task Bad_option_values_are_invalid_usage(string option, string value)
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "serve", option, value);

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains(option, result.Stderr);
    }

    [Fact]
    public async Task An_invalid_serving_setting_is_invalid_usage_naming_it()
    {
        using var temp = new TempDirectory();
        File.WriteAllBytes(temp.Combine("model.onnx"), TinyOnnx.ColourRule(1, -1, 0));

        var result = await CliRunner.RunAsync(temp.Path, ["serve", "--port", "0", "--model", "model.onnx"],
            new Dictionary<string, string?> { ["Serving:MaxRequestBytes"] = "0" }, cancellationToken: Cancel);

        Assert.True(ExitCodes.InvalidUsage == result.ExitCode, result.ToString());
        Assert.Contains("MaxRequestBytes", result.Stderr);
    }

    [Fact]
    public async Task Help_lists_the_options()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "serve", "--help");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var option in new[] { "--port", "--host", "--model", "--model-version", "--threads" })
            Assert.Contains(option, result.Stdout);
    }

    internal static async Task WaitUntilReadyAsync(HttpClient client, Task<CliResult> run)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (DateTime.UtcNow < deadline)
        {
            if (run.IsCompleted) Assert.Fail($"wms serve exited early: {await run}");
            try
            {
                using var ready = await client.GetAsync("/ready", Cancel);
                if (ready.StatusCode == HttpStatusCode.OK) return;
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(50, Cancel);
        }
        Assert.Fail("wms serve was not ready within 60 s");
    }

    /// <summary>What `wms train` + `wms promote` leave in a workspace: a run with a model folder, version 1 in Production.</summary>
    private static async Task<string> PublishAsync(string workspace, byte[] onnx)
    {
        using var store = new SqliteTrackingStore(Path.Combine(workspace, ".wms"));
        var experiment = await store.GetOrCreateExperimentAsync(RegistryNames.ModelName, Cancel);
        var run = await store.CreateRunAsync(experiment.ExperimentId, cancellationToken: Cancel);
        var folder = Path.Combine(workspace, "upload");
        ModelFolderWriter.Write(folder, new ModelFolderContent { Onnx = onnx, RunId = run.RunId });
        await store.LogArtifactsAsync(run.RunId, folder, RegistryNames.ModelArtifactPath, Cancel);
        await store.EndRunAsync(run.RunId, RunStatus.Finished, Cancel);
        var version = await store.CreateModelVersionAsync(RegistryNames.ModelName, run.RunId, RegistryNames.ModelArtifactPath, cancellationToken: Cancel);
        await store.PromoteAsync(RegistryNames.ModelName, version.Version, cancellationToken: Cancel);
        return run.RunId;
    }

    private static byte[] Jpeg()
    {
        using var bitmap = new SKBitmap(160, 120);
        bitmap.Erase(new SKColor(200, 60, 40));
        using var data = bitmap.Encode(SKEncodedImageFormat.Jpeg, 90);
        return data.ToArray();
    }
}
