using System.Text.Json.Nodes;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Registry;

public sealed class RunsAndMetricsCommandTests : IDisposable
{
    private readonly RegistryWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Runs_list_shows_the_newest_first_with_scores_and_versions()
    {
        Assert.Contains("has no runs", (await _ws.RunAsync("runs", "list")).Stderr);
        var old = await _ws.SeedRunAsync(0.70, 0.60);
        await Task.Delay(20, TestContext.Current.CancellationToken);
        var latest = await _ws.SeedRunAsync(0.80, 0.70);
        await _ws.RunAsync("promote", "--run", latest.RunId);

        var json = await _ws.JsonAsync("runs", "list");
        var runs = json["runs"]!.AsArray();
        Assert.Equal([latest.RunId, old.RunId], runs.Select(r => r!["run_id"]!.GetValue<string>()));
        Assert.Equal("FINISHED", runs[0]!["status"]!.GetValue<string>());
        Assert.Equal(0.8, runs[0]!["dice"]!.GetValue<double>());
        Assert.Equal([1], runs[0]!["model_versions"]!.AsArray().Select(v => v!.GetValue<int>()));
        Assert.Single((await _ws.JsonAsync("runs", "list", "--limit", "1"))["runs"]!.AsArray());
        Assert.Contains(latest.RunId, (await _ws.RunAsync("runs", "list")).Stdout);
    }

    [Fact]
    public async Task Runs_show_lists_params_metrics_and_artifacts()
    {
        var run = await _ws.SeedRunAsync(0.8, 0.7);
        var json = await _ws.JsonAsync("runs", "show", run.RunId);
        Assert.Equal("0.0001", json["params"]!["learning_rate"]!.GetValue<string>());
        var dice = json["metrics"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == "val_dice")!;
        Assert.Equal(2, dice["step"]!.GetValue<int>());
        Assert.Contains(json["artifacts"]!.AsArray(), a => a!["path"]!.GetValue<string>() == "model" && a["is_directory"]!.GetValue<bool>());

        var missing = await _ws.RunAsync("runs", "show", "nope");
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains("run nope not found", missing.Stderr);
    }

    [Fact]
    public async Task Runs_compare_puts_params_and_final_metrics_side_by_side()
    {
        var a = await _ws.SeedRunAsync(0.70, 0.60, parameters: new Dictionary<string, string> { ["epochs"] = "30", ["seed"] = "1" });
        var b = await _ws.SeedRunAsync(0.80, 0.70, parameters: new Dictionary<string, string> { ["epochs"] = "50", ["seed"] = "1" });
        var json = await _ws.JsonAsync("runs", "compare", a.RunId, b.RunId);
        var epochs = json["params"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "epochs")!;
        Assert.Equal(["30", "50"], epochs["values"]!.AsArray().Select(v => v!.GetValue<string>()));
        Assert.True(epochs["differs"]!.GetValue<bool>());
        Assert.False(json["params"]!.AsArray().Single(p => p!["key"]!.GetValue<string>() == "seed")!["differs"]!.GetValue<bool>());
        var dice = json["metrics"]!.AsArray().Single(m => m!["key"]!.GetValue<string>() == "final_test_dice")!;
        Assert.Equal([0.70, 0.80], dice["values"]!.AsArray().Select(v => v!.GetValue<double>()));

        var table = await _ws.RunAsync("runs", "compare", a.RunId, b.RunId);
        Assert.Contains("final_test_dice", table.Stdout);
        Assert.Equal(ExitCodes.InvalidUsage, (await _ws.RunAsync("runs", "compare", a.RunId)).ExitCode);
        Assert.Equal(ExitCodes.NotFound, (await _ws.RunAsync("runs", "compare", a.RunId, "missing")).ExitCode);
    }

    [Fact]
    public async Task Metrics_rates_the_production_model_and_all_versions()
    {
        var missing = await _ws.RunAsync("metrics");
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains("no Production model", missing.Stderr);

        var poor = await _ws.SeedRunAsync(0.45, 0.30);
        var good = await _ws.SeedRunAsync(0.74, 0.62);
        await _ws.RunAsync("promote", "--run", poor.RunId);
        await _ws.RunAsync("promote", "--run", good.RunId);

        var json = await _ws.JsonAsync("metrics");
        Assert.Equal((2, "GOOD", 0.74, 0.62), (json["version"]!.GetValue<int>(), json["rating"]!.GetValue<string>(), json["dice"]!.GetValue<double>(), json["iou"]!.GetValue<double>()));
        Assert.Contains("GOOD", (await _ws.RunAsync("metrics")).Stdout);

        var all = await _ws.JsonAsync("metrics", "--all");
        Assert.Equal(["GOOD", "POOR"], all["versions"]!.AsArray().Select(v => v!["rating"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unreachable_mlflow_server_is_reported_with_its_url()
    {
        var port = LoopbackPorts.Free();
        _ws.Settings["MLFLOW_TRACKING_URI"] = $"http://127.0.0.1:{port}";
        _ws.Settings["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "1";
        _ws.Settings["MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR"] = "0.01";
        var result = await _ws.RunAsync("models", "list");
        Assert.Equal(ExitCodes.DependencyUnavailable, result.ExitCode);
        Assert.Contains($"http://127.0.0.1:{port}", result.Stderr);
        Assert.Contains("retry 1 of 1", result.Stderr);
        Assert.False(Directory.Exists(Path.Combine(_ws.Root, ".wms")), "the embedded store must not be used when MLFLOW_TRACKING_URI is set");
    }

    [Fact]
    public async Task A_tracking_uri_that_is_not_http_is_invalid_usage()
    {
        _ws.Settings["MLFLOW_TRACKING_URI"] = "sqlite:///mlflow.db";
        var result = await _ws.RunAsync("runs", "list");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("MLFLOW_TRACKING_URI", result.Stderr);
        Assert.Equal(ExitCodes.Success, (await _ws.RunAsync("--help")).ExitCode);
    }

    [Fact]
    public async Task The_store_location_follows_wms_home_and_tracking_root()
    {
        _ws.Settings["WMS_HOME"] = "elsewhere";
        await _ws.RunAsync("runs", "list");
        Assert.True(File.Exists(Path.Combine(_ws.Root, "elsewhere", "tracking.db")));
        _ws.Settings["Tracking:Root"] = "store";
        await _ws.RunAsync("runs", "list");
        Assert.True(File.Exists(Path.Combine(_ws.Root, "store", "tracking.db")));
    }
}
