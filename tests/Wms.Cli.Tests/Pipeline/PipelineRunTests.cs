using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Wms.Cli.Pipeline;
using Wms.Core.Registry;
using Wms.Core.Tracking.Embedded;
using Xunit;
using static Wms.Cli.Tests.Pipeline.PipelineWorkspace;

namespace Wms.Cli.Tests.Pipeline;

/// <summary>`wms pipeline run` on synthetic data: promote, keep Production with the reason, the records it leaves.</summary>
public sealed class PipelineRunTests : IDisposable
{
    private readonly PipelineWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task A_first_run_promotes_and_a_run_with_mislabeled_new_data_keeps_production_and_says_why()
    {
        _ws.Synth("data", 24, seed: 1);
        _ws.Synth("new", 24, seed: 2);
        // Every new mask in the wrong place, and twice as many as the good pairs: wherever a counter
        // is, at most a third of the labels say so, so a model fitted to the merged set predicts
        // (next to) nothing there and cannot beat Production on the same test photos.
        _ws.Synth("bad", 48, seed: 3, mislabeled: true);
        Assert.Equal(ExitCodes.Success, (await _ws.RunAsync(["data", "init", "--remote", "storage", "--url", _ws.Combine("remote")])).ExitCode);

        var (first, promoted) = await _ws.JsonAsync(Args("new", "--record-dir", "records"));

        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());
        Assert.Equal("promoted", (string)promoted["decision"]!);
        Assert.Contains("first model", (string)promoted["reason"]!);
        Assert.Equal((24, 24, 48), Counts(promoted));
        Assert.Equal(1, (int)promoted["model_version"]!);
        Assert.All(Steps(promoted).Values, status => Assert.Equal("done", status));
        Assert.Equal(["data/images.dvc", "data/masks.dvc"], promoted["data_version"]!.AsArray().Select(f => (string)f!["path"]!));
        Assert.Equal("storage", (string)promoted["data_remote"]!);
        Assert.True(Directory.EnumerateFiles(_ws.Combine("remote"), "*", SearchOption.AllDirectories).Count() >= 96, "48 photos and 48 masks pushed");
        Assert.True(File.Exists(_ws.Combine("records", "production_current.json")));
        var exported = Sha256(_ws.Combine("models", "production", "model.onnx"));
        var folder = Path.GetDirectoryName((string)promoted["state_file"]!)!;
        Assert.Contains("| new | 24 |", File.ReadAllText(Path.Combine(folder, "summary.md")));
        Assert.Equal("promoted", (string)JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "summary.json")))!["decision"]!);

        var (second, kept) = await _ws.JsonAsync(Args("bad"));

        Assert.True(second.ExitCode == ExitCodes.GateNotImproved, second.ToString());
        Assert.Equal("kept_production", (string)kept["decision"]!);
        var reason = (string)kept["reason"]!;
        Assert.Contains("Production (version 1) kept", reason);
        Assert.Contains("not better than Production: Dice", reason);
        Assert.Contains("Production kept", second.Stderr);
        Assert.Equal((48, 48, 96), Counts(kept));
        Assert.Equal(96, _ws.Pairs("data")); // the new data stays, nothing was lost
        var metrics = kept["metrics"]!;
        Assert.Equal(1, (int)metrics["baseline_version"]!);
        Assert.True((double)metrics["candidate_dice"]! < (double)metrics["baseline_dice"]!, metrics.ToJsonString());
        var steps = Steps(kept);
        Assert.Equal(["done", "done", "done", "done"], new[] { "merge", "validate", "train", "gate" }.Select(s => steps[s]));
        Assert.Equal(["not_needed", "not_needed", "not_needed"], new[] { "promote", "data_version", "export" }.Select(s => steps[s]));

        using var store = new SqliteTrackingStore(_ws.Combine(".wms"));
        Assert.Equal(1, (await store.FindProductionVersionAsync(RegistryNames.ModelName, TestContext.Current.CancellationToken))!.Version);
        Assert.Equal(exported, Sha256(_ws.Combine("models", "production", "model.onnx")));
    }

    [Fact]
    public async Task A_data_folder_that_does_not_exist_is_not_found_and_nothing_is_created()
    {
        _ws.Synth("new", 6, seed: 2);

        var result = await _ws.RunAsync(Args("new", "--data", "dta"));

        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains($"{_ws.Combine("dta")}: data folder not found (to start a new data set, create it first", result.Stderr);
        Assert.False(Directory.Exists(_ws.Combine("dta")));
        Assert.False(Directory.Exists(_ws.Combine("runs")));
    }

    [Theory]
    [InlineData("--summary", "taken", "--summary {0}: a folder, not a file for the summary")]
    [InlineData("--export", "taken.txt", "--export {0}: a file, not a folder for the exported model")]
    public async Task An_output_path_in_the_way_is_found_before_anything_is_merged_or_trained(string option, string name, string expected)
    {
        _ws.Synth("data", 6, seed: 1);
        _ws.Synth("new", 6, seed: 2);
        Directory.CreateDirectory(_ws.Combine("taken"));
        File.WriteAllText(_ws.Combine("taken.txt"), "in the way");

        var result = await _ws.RunAsync(Args("new", option, name));

        Assert.Equal(ExitCodes.Conflict, result.ExitCode);
        Assert.Contains(string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, _ws.Combine(name)), result.Stderr);
        Assert.Equal(6, _ws.Pairs("data"));
        Assert.False(Directory.Exists(_ws.Combine("runs")));
    }

    [Fact]
    public async Task New_data_that_clashes_with_the_data_set_stops_before_training_and_changes_nothing()
    {
        _ws.Synth("data", 6, seed: 1);
        _ws.Synth("new", 6, seed: 1, mislabeled: true); // same names, other masks

        var result = await _ws.RunAsync(Args("new"));

        Assert.Equal(ExitCodes.Conflict, result.ExitCode);
        Assert.Contains("have the name of an existing file but other content; nothing was merged", result.Stderr);
        Assert.False(Directory.Exists(_ws.Combine("runs")));
        Assert.Equal(6, _ws.Pairs("data"));
    }

    [Fact]
    public async Task A_second_pipeline_run_while_one_runs_is_refused_and_changes_nothing()
    {
        _ws.Synth("data", 6, seed: 1);
        _ws.Synth("new", 6, seed: 2);

        using (PipelineLock.Acquire(_ws.Combine(".wms", "pipelines")))
        {
            var result = await _ws.RunAsync(Args("new"));
            Assert.Equal(ExitCodes.Conflict, result.ExitCode);
            Assert.Contains("another 'wms pipeline run' is running on this workspace", result.Stderr);
        }
        Assert.Equal(6, _ws.Pairs("data"));
    }

    private static (int, int, int) Counts(JsonNode summary) =>
        ((int)summary["data"]!["existing"]!, (int)summary["data"]!["new"]!, (int)summary["data"]!["total"]!);

    private static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(path)));
}
