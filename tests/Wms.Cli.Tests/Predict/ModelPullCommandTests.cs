using System.Text.Json;
using Wms.Core.Models;
using Wms.Core.Registry;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Predict;

/// <summary>`wms model pull` against a real embedded registry holding real exported model folders.</summary>
public sealed class ModelPullCommandTests(PredictModels models) : IDisposable
{
    private readonly PredictWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private string Cache => _ws.Combine("models", "production");

    [Fact]
    public async Task Pull_copies_the_production_version_with_a_manifest_of_version_run_metrics_and_hash()
    {
        var (runId, version) = await _ws.RegisterAsync(models.First.Folder, dice: 0.91, iou: 0.84);

        var json = await _ws.PulledAsync();

        Assert.Equal("downloaded", json["outcome"]!.GetValue<string>());
        Assert.Equal(Cache, json["directory"]!.GetValue<string>());
        var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Cache, "wms-cache.json"))).RootElement;
        Assert.Equal(version, manifest.GetProperty("version").GetInt32());
        Assert.Equal(runId, manifest.GetProperty("run_id").GetString());
        Assert.Equal("production", manifest.GetProperty("alias").GetString());
        Assert.Equal("Production", manifest.GetProperty("stage").GetString());
        Assert.Equal(0.91, manifest.GetProperty("metrics").GetProperty("final_test_dice").GetDouble());
        Assert.Equal(0.84, manifest.GetProperty("metrics").GetProperty("final_test_iou").GetDouble());
        Assert.Contains(runId, manifest.GetProperty("source").GetString());
        Assert.True(manifest.GetProperty("pulled_at").GetDateTimeOffset() > DateTimeOffset.UtcNow.AddMinutes(-5));
        Assert.Equal(models.First.OnnxSha256, manifest.GetProperty("onnx_sha256").GetString());
        Assert.Equal(models.First.OnnxSha256, FileHash.Sha256(Path.Combine(Cache, "model.onnx")));
        Assert.Equal(json["cache"]!["onnx_sha256"]!.GetValue<string>(), manifest.GetProperty("onnx_sha256").GetString());
        // The whole model folder came along (verified against its own wms-model.json), and no staging folder is left.
        Assert.Equal(models.First.OnnxSha256, ModelPackage.Open(Cache).Manifest!.OnnxSha256);
        Assert.Equal(["production"], Directory.GetFileSystemEntries(_ws.Combine("models")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Without_force_an_intact_cache_is_only_compared_and_force_fetches_the_new_production()
    {
        await _ws.RegisterAsync(models.First.Folder, 0.80, 0.70);
        await _ws.PulledAsync();

        var again = await _ws.PulledAsync();
        Assert.Equal("up_to_date", again["outcome"]!.GetValue<string>());
        var table = await _ws.RunAsync("model", "pull");
        Assert.Contains("up to date", table.Stderr);

        var (_, newer) = await _ws.RegisterAsync(models.Second.Folder, 0.90, 0.80);
        var reported = await _ws.RunAsync("model", "pull");
        Assert.True(reported.ExitCode == ExitCodes.Success, reported.ToString());
        Assert.Contains($"now version {newer}", reported.Stderr);
        Assert.Contains("--force", reported.Stderr);
        var json = await _ws.PulledAsync();
        Assert.Equal(("update_available", newer, 1), (json["outcome"]!.GetValue<string>(), json["registry_version"]!.GetValue<int>(), json["cache"]!["version"]!.GetValue<int>()));
        Assert.Equal(models.First.OnnxSha256, FileHash.Sha256(Path.Combine(Cache, "model.onnx")));

        var forced = await _ws.PulledAsync("--force");
        Assert.Equal(("downloaded", newer), (forced["outcome"]!.GetValue<string>(), forced["cache"]!["version"]!.GetValue<int>()));
        Assert.Equal(models.Second.OnnxSha256, FileHash.Sha256(Path.Combine(Cache, "model.onnx")));
        Assert.Equal(0.90, forced["cache"]!["metrics"]!["final_test_dice"]!.GetValue<double>());
    }

    [Fact]
    public async Task A_registry_that_only_uses_the_production_stage_is_pulled_from_by_stage()
    {
        var (_, version) = await _ws.RegisterAsync(models.First.Folder, 0.8, 0.7, promote: false);
        await _ws.Store.TransitionStageAsync(RegistryNames.ModelName, version, ModelStage.Production, cancellationToken: TestContext.Current.CancellationToken);

        var json = await _ws.PulledAsync("--dir", "cache");

        Assert.Equal(version, json["cache"]!["version"]!.GetValue<int>());
        Assert.True(File.Exists(_ws.Combine("cache", "wms-cache.json")));
    }

    [Fact]
    public async Task Another_alias_or_version_can_be_pulled()
    {
        var (_, first) = await _ws.RegisterAsync(models.First.Folder, 0.8, 0.7);
        await _ws.RegisterAsync(models.Second.Folder, 0.9, 0.8);

        var json = await _ws.PulledAsync("--alias", "previous", "--dir", "models/previous");

        Assert.Equal((first, "previous"), (json["cache"]!["version"]!.GetValue<int>(), json["cache"]!["alias"]!.GetValue<string>()));
        Assert.Equal(models.First.OnnxSha256, FileHash.Sha256(_ws.Combine("models", "previous", "model.onnx")));
    }

    [Fact]
    public async Task No_production_version_is_not_found_and_creates_nothing()
    {
        await _ws.RegisterAsync(models.First.Folder, 0.8, 0.7, promote: false);

        var result = await _ws.RunAsync("model", "pull");

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("no Production version", result.Stderr);
        Assert.False(Directory.Exists(_ws.Combine("models")));
    }

    [Fact]
    public async Task An_unreachable_registry_is_a_dependency_failure_unless_an_intact_cache_can_be_used_offline()
    {
        await _ws.RegisterAsync(models.First.Folder, 0.8, 0.7);
        await _ws.PulledAsync();
        _ws.Settings["MLFLOW_TRACKING_URI"] = $"http://127.0.0.1:{LoopbackPorts.Free()}";
        _ws.Settings["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0";

        var (offline, json) = await _ws.JsonAsync("model", "pull");
        Assert.True(offline.ExitCode == ExitCodes.Success, offline.ToString());
        Assert.Equal("registry_unreachable", json["outcome"]!.GetValue<string>());
        Assert.Contains("could not check the registry", (await _ws.RunAsync("model", "pull")).Stderr);

        var noCache = await _ws.RunAsync("model", "pull", "--dir", "elsewhere");
        Assert.Equal(ExitCodes.DependencyUnavailable, noCache.ExitCode);
        var forced = await _ws.RunAsync("model", "pull", "--force");
        Assert.Equal(ExitCodes.DependencyUnavailable, forced.ExitCode);
        Assert.Equal(models.First.OnnxSha256, FileHash.Sha256(Path.Combine(Cache, "model.onnx")));
    }

    [Fact]
    public async Task A_broken_cache_is_fetched_again_even_without_force()
    {
        await _ws.RegisterAsync(models.First.Folder, 0.8, 0.7);
        await _ws.PulledAsync();
        FlipByte(Path.Combine(Cache, "model.onnx"));

        var json = await _ws.PulledAsync();

        Assert.Equal("downloaded", json["outcome"]!.GetValue<string>());
        Assert.Contains("corrupt", json["note"]!.GetValue<string>());
        Assert.Equal(models.First.OnnxSha256, FileHash.Sha256(Path.Combine(Cache, "model.onnx")));
    }

    [Fact]
    public async Task A_registered_version_that_is_not_a_usable_model_leaves_the_cache_as_it_was()
    {
        await _ws.RegisterAsync(models.First.Folder, 0.8, 0.7);
        await _ws.PulledAsync();
        using var bad = new TempDirectory("wms-bad-model");
        CopyFolder(models.Second.Folder, bad.Path);
        File.WriteAllBytes(Path.Combine(bad.Path, "model.onnx"), [1, 2, 3]);
        await _ws.RegisterAsync(bad.Path, 0.9, 0.8);

        var result = await _ws.RunAsync("model", "pull", "--force");

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("not a usable model", result.Stderr);
        Assert.Equal(models.First.OnnxSha256, FileHash.Sha256(Path.Combine(Cache, "model.onnx")));
        Assert.Equal(["production"], Directory.GetFileSystemEntries(_ws.Combine("models")).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_folder_that_is_not_a_model_cache_is_never_replaced()
    {
        await _ws.RegisterAsync(models.First.Folder, 0.8, 0.7);
        Directory.CreateDirectory(_ws.Combine("photos"));
        File.WriteAllText(_ws.Combine("photos", "keep.txt"), "mine");

        var result = await _ws.RunAsync("model", "pull", "--dir", "photos", "--force");

        Assert.Equal(ExitCodes.Conflict, result.ExitCode);
        Assert.Equal("mine", File.ReadAllText(_ws.Combine("photos", "keep.txt")));
    }

    internal static void FlipByte(string path)
    {
        var bytes = File.ReadAllBytes(path);
        bytes[bytes.Length / 2] ^= 0x40;
        File.WriteAllBytes(path, bytes);
    }

    internal static void CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        foreach (var file in Directory.GetFiles(from)) File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
    }
}
