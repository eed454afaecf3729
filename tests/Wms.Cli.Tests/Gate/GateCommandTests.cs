using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Gate;

/// <summary>
/// Every gate decision, end to end through `wms gate` on tiny ONNX models whose scores on the
/// stripe photos are known by hand: Perfect (Dice 1, IoU 1), Everything (Dice 2/3, IoU 1/2).
/// </summary>
public sealed class GateCommandTests : IDisposable
{
    private const int S = GateWorkspace.Size;
    private readonly GateWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Without_a_Production_model_the_first_model_passes()
    {
        var run = await _ws.RunAsync(StripePhotos.Everything(S), 0.6, 0.4);

        var json = await _ws.GateJsonAsync(ExitCodes.Success, "--run", run);

        Assert.Equal("first_model", json.GetProperty("decision").GetString());
        Assert.True(json.GetProperty("passed").GetBoolean());
        Assert.Equal(4, json.GetProperty("test_photos").GetInt32());
        Assert.Equal(2.0 / 3, json.GetProperty("candidate").GetProperty("dice").GetDouble(), 6);
        Assert.Equal(0.6, json.GetProperty("candidate").GetProperty("stored_dice").GetDouble());
        Assert.Equal(System.Text.Json.JsonValueKind.Null, json.GetProperty("baseline").ValueKind);
        var outputs = _ws.Outputs();
        Assert.Equal("true", outputs["improved"]);
        Assert.Equal(run, outputs["run_id"]);
        Assert.Equal("0.6667", outputs["dice"]);
        Assert.Equal("0.5000", outputs["iou"]);
        Assert.Equal("none", outputs["baseline_dice"]);
        Assert.Equal("none", outputs["baseline_iou"]);
        Assert.Contains("### Quality gate: passed (first model)", _ws.Summary());
    }

    [Fact]
    public async Task A_candidate_better_on_both_metrics_passes_judged_on_the_same_photos_not_the_stored_numbers()
    {
        // The baseline's stored numbers (0.99) are higher than anything re-evaluated: the gate compares
        // both models evaluated now on the candidate's test photos, and reports the stored ones too.
        var version = await _ws.ProductionAsync(StripePhotos.Everything(S), storedDice: 0.99, storedIou: 0.98);
        var run = await _ws.RunAsync(StripePhotos.Perfect(S), 0.95, 0.9);

        var result = await _ws.GateAsync("--run", run);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("gate passed: better than Production on both: Dice 1.0000 > 0.6667, IoU 1.0000 > 0.5000", result.Stderr);
        Assert.Contains($"Production (version {version})", result.Stdout);
        Assert.Contains("0.9900", result.Stdout);
        var outputs = _ws.Outputs();
        Assert.Equal("true", outputs["improved"]);
        Assert.Equal("1.0000", outputs["dice"]);
        Assert.Equal("0.6667", outputs["baseline_dice"]);
        Assert.Equal("0.5000", outputs["baseline_iou"]);
        var summary = _ws.Summary();
        Assert.Contains("### Quality gate: passed (better than Production)", summary);
        Assert.Contains("| Dice (re-evaluated) | 1.0000 | 0.6667 |", summary);
        Assert.Contains("| Dice (stored) | 0.9500 | 0.9900 |", summary);
    }

    [Fact]
    public async Task A_worse_candidate_is_not_improved_with_exit_4()
    {
        await _ws.ProductionAsync(StripePhotos.Perfect(S));
        var run = await _ws.RunAsync(StripePhotos.Everything(S), 0.95, 0.9);

        var json = await _ws.GateJsonAsync(ExitCodes.GateNotImproved, "--run", run);

        Assert.Equal("not_improved", json.GetProperty("decision").GetString());
        Assert.Equal("not better than Production: Dice 0.6667 <= 1.0000 and IoU 0.5000 <= 1.0000", json.GetProperty("reason").GetString());
        Assert.Equal("false", _ws.Outputs()["improved"]);
    }

    [Fact]
    public async Task Better_on_one_metric_only_is_not_improved()
    {
        // Perfect beats Everything by 0.333 on Dice and 0.5 on IoU: a margin of 0.4 is met by IoU alone.
        await _ws.ProductionAsync(StripePhotos.Everything(S));
        var run = await _ws.RunAsync(StripePhotos.Perfect(S), 0.95, 0.9);

        var json = await _ws.GateJsonAsync(ExitCodes.GateNotImproved, "--run", run, "--min-delta", "0.4");

        Assert.Equal("not better than Production: Dice 1.0000 <= 0.6667 + 0.4000 (IoU is better: IoU 1.0000 > 0.5000 + 0.4000)",
            json.GetProperty("reason").GetString());
        Assert.Equal(0.4, json.GetProperty("min_delta").GetDouble());
    }

    [Fact]
    public async Task Equal_scores_are_not_an_improvement()
    {
        // The same model trained again (or the Production run gated again): the very same numbers.
        await _ws.ProductionAsync(StripePhotos.Everything(S));
        var run = await _ws.RunAsync(StripePhotos.Everything(S), 0.95, 0.9);

        var json = await _ws.GateJsonAsync(ExitCodes.GateNotImproved, "--run", run);

        Assert.Equal("not better than Production: Dice 0.6667 <= 0.6667 and IoU 0.5000 <= 0.5000", json.GetProperty("reason").GetString());
    }

    [Fact]
    public async Task A_corrupt_baseline_model_fails_the_gate_with_its_error_never_a_baseline_of_zero()
    {
        var version = await _ws.ProductionAsync(StripePhotos.Everything(S));
        foreach (var onnx in Directory.EnumerateFiles(Path.Combine(_ws.Root, ".wms"), "model.onnx", SearchOption.AllDirectories))
            await File.WriteAllBytesAsync(onnx, [1, 2, 3], TestContext.Current.CancellationToken);
        var run = await _ws.RunAsync(StripePhotos.Perfect(S), 0.95, 0.9);

        var result = await _ws.GateAsync("--run", run);

        Assert.NotEqual(ExitCodes.Success, result.ExitCode);
        Assert.NotEqual(ExitCodes.GateNotImproved, result.ExitCode);
        Assert.Contains($"gate failed: cannot evaluate the Production model (version {version}):", result.Stderr);
        Assert.Contains("model.onnx", result.Stderr);
        var outputs = _ws.Outputs();
        Assert.Equal("false", outputs["improved"]);
        Assert.Equal("-", outputs["baseline_dice"]);
        Assert.Contains("### Quality gate: failed (baseline error)", _ws.Summary());
    }

    [Fact]
    public async Task The_candidate_is_the_run_named_and_must_exist_and_have_finished()
    {
        var missing = await _ws.GateAsync("--run", "0123456789abcdef0123456789abcdef");
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains("0123456789abcdef0123456789abcdef", missing.Stderr);

        var killed = await _ws.RunAsync(StripePhotos.Perfect(S), 0.95, 0.9, Core.Tracking.RunStatus.Killed);
        var result = await _ws.GateAsync("--run", killed);
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains($"run {killed} is KILLED: only a FINISHED run can be gated", result.Stderr);
    }

    [Fact]
    public async Task A_data_folder_without_the_runs_test_photos_is_a_data_error()
    {
        var run = await _ws.RunAsync(StripePhotos.Perfect(S), 0.95, 0.9);
        File.Delete(Path.Combine(_ws.Data, "images", "meter_4.png"));
        File.Delete(Path.Combine(_ws.Data, "masks", "meter_4.png"));

        var result = await _ws.GateAsync("--run", run);

        Assert.Equal(ExitCodes.DataValidationFailed, result.ExitCode);
        Assert.Contains($"{_ws.Data}: lacks 1 of run {run}'s test photos (meter_4)", result.Stderr);
    }

    [Fact]
    public async Task The_data_folder_is_the_recorded_one_unless_data_names_another()
    {
        var run = await _ws.RunAsync(StripePhotos.Perfect(S), 0.95, 0.9);
        var moved = Path.Combine(_ws.Root, "moved");
        Directory.Move(_ws.Data, moved);

        var missing = await _ws.GateAsync("--run", run);
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains($"{_ws.Data}: the data folder run {run} trained on is not here; pass --data DIR", missing.Stderr);

        var json = await _ws.GateJsonAsync(ExitCodes.Success, "--run", run, "--data", "moved");
        Assert.Equal(moved, json.GetProperty("data_directory").GetString());
        Assert.Equal(4, json.GetProperty("test_photos").GetInt32());
    }

    [Fact]
    public async Task Without_a_metrics_file_the_split_is_recomputed_from_the_runs_seed_and_ratios()
    {
        var run = await _ws.RunAsync(StripePhotos.Perfect(S), 0.95, 0.9, withMetricsFile: false);
        var expected = global::Wms.Training.Data.DatasetSplit.Create(Enumerable.Range(0, 6).Select(i => $"meter_{i}"), global::Wms.Training.SplitRatios.Default, 42).Test;

        var json = await _ws.GateJsonAsync(ExitCodes.Success, "--run", run, "--data", "data");

        Assert.Equal(expected.Count, json.GetProperty("test_photos").GetInt32());
        Assert.Equal("first_model", json.GetProperty("decision").GetString());
    }
}
