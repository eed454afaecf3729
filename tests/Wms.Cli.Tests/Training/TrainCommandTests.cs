using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Wms.Tests.Shared;
using Wms.Training;
using Wms.Training.Data;
using Wms.Training.Model;
using Xunit;

namespace Wms.Cli.Tests.Training;

public sealed class TrainCommandTests
{
    private static string[] Tiny(params string[] more) =>
        ["train", "--data", "data", "--image-size", "32", "--batch-size", "4", "--threads", "1", .. more, .. more.Contains("--epochs") ? [] : new[] { "--epochs", "2" }];

    [Fact]
    public async Task Trains_and_prints_one_json_summary_with_the_run_folder()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 48, 40);

        var result = await CliRunner.RunAsync(temp.Path, Tiny("--out", "runs/first", "--format", "json"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(temp.Combine("runs", "first"), root.GetProperty("run_directory").GetString());
        Assert.Equal(2, root.GetProperty("epochs").GetInt32());
        Assert.InRange(root.GetProperty("final_test_dice").GetDouble(), 0, 1);
        Assert.True(File.Exists(temp.Combine("runs", "first", "metrics.json")));
        Assert.DoesNotContain("Epoch", result.Stderr); // no progress in JSON mode
    }

    [Fact]
    public async Task Shows_progress_on_stderr_and_a_summary_table_on_stdout()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 48, 40);

        var result = await CliRunner.RunAsync(temp.Path, Tiny("--out", "r"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("Epoch 2/2 batch 3/3 loss", result.Stderr); // plain progress lines off a terminal
        Assert.Contains($"Run written to {temp.Combine("r")}", result.Stderr);
        Assert.Contains("final_test_dice", result.Stdout);
        Assert.Contains("completed (max_epochs)", result.Stdout);
    }

    [Fact]
    public async Task Config_file_values_are_used_and_options_override_them()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 48, 40);
        File.WriteAllText(temp.Combine("c.yaml"), "training:\n  epochs: 1\n  batch_size: 3\nmodel:\n  input_size: 64\n");

        var result = await CliRunner.RunAsync(temp.Path, "train", "--config", "c.yaml", "--data", "data", "--image-size", "32", "--threads", "1", "--out", "r", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var config = File.ReadAllText(temp.Combine("r", "config.yaml"));
        Assert.Contains("epochs: 1", config);
        Assert.Contains("batch_size: 3", config);
        Assert.Contains("input_size: 32", config);
        Assert.Equal(temp.Combine("c.yaml"), JsonDocument.Parse(File.ReadAllText(temp.Combine("r", "metrics.json"))).RootElement.GetProperty("config_file").GetString());
    }

    [Fact]
    public async Task Bf16_auto_follows_the_CPU_and_bf16_true_warns_where_it_is_only_emulated()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 48, 40);
        File.WriteAllText(temp.Combine("auto.yaml"), "compute:\n  bf16: auto\n");
        File.WriteAllText(temp.Combine("on.yaml"), "compute:\n  bf16: true\n");

        var auto = await CliRunner.RunAsync(temp.Path, Tiny("--config", "auto.yaml", "--epochs", "1", "--out", "a", "--format", "json"));
        var on = await CliRunner.RunAsync(temp.Path, Tiny("--config", "on.yaml", "--epochs", "1", "--out", "b", "--format", "json"));

        Assert.True(auto.ExitCode == ExitCodes.Success, auto.ToString());
        Assert.True(on.ExitCode == ExitCodes.Success, on.ToString());
        // This machine decides which way each goes: the run records what was chosen.
        var native = CpuBFloat16.IsNative;
        Assert.Equal(native ? "true" : "false", Params(temp.Combine("a"))["bf16"]);
        Assert.Contains($"bf16: {(native ? "true" : "false")}", File.ReadAllText(temp.Combine("a", "config.yaml")));
        Assert.DoesNotContain("bfloat16 is emulated", auto.Stderr);
        Assert.Equal("true", Params(temp.Combine("b"))["bf16"]);
        Assert.Equal(!native, on.Stderr.Contains("compute.bf16: true, but this CPU has no AVX-512 BF16", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_five_level_U_Net_trains_is_recorded_and_exports_to_ONNX()
    {
        using var temp = new TempDirectory();
        var trained = await TrainOneEpochAsync(temp, "model:\n  depth: 5\n");
        var exported = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "r/best.pth", "--out", "m", "--image-size", "64", "--format", "json");
        var badSize = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "r/best.pth", "--out", "n", "--image-size", "48");
        // Starting a depth-4 run from depth-5 weights is refused before the data is read.
        var wrongDepth = await TrainOriginalFromAsync(temp);

        Assert.True(trained.ExitCode == ExitCodes.Success, trained.ToString());
        Assert.Equal("5", Params(temp.Combine("r"))["depth"]);
        Assert.Contains("depth: 5", File.ReadAllText(temp.Combine("r", "config.yaml")));
        Assert.True(exported.ExitCode == ExitCodes.Success, exported.ToString());
        Assert.True(File.Exists(temp.Combine("m", "model.onnx")));
        Assert.Equal(ExitCodes.InvalidUsage, badSize.ExitCode);
        Assert.Contains("--image-size: must be divisible by 32", badSize.Stderr);
        Assert.False(Directory.Exists(temp.Combine("n")));
        Assert.Equal(ExitCodes.InvalidUsage, wrongDepth.ExitCode);
        Assert.Contains($"error: {temp.Combine("r", "best.pth")}: weights of a U-Net of depth 5, but model.depth is 4 (set model.depth: 5", wrongDepth.Stderr);
        Assert.False(Directory.Exists(temp.Combine("s")) || Directory.Exists(temp.Combine("s.partial")));
    }

    [Fact]
    public async Task A_wider_U_Net_trains_is_recorded_exports_to_ONNX_and_evaluates()
    {
        using var temp = new TempDirectory();
        // 24, not a multiple of 16: on an AMD EPYC with AVX-512 the export's check refused such a model
        // (logits 0.0177 from ONNX Runtime's) while the U-Net's NCHW convolutions read unzeroed padding.
        var trained = await TrainOneEpochAsync(temp, "model:\n  base_filters: 24\n");
        var exported = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "r/best.dat", "--out", "m", "--image-size", "64", "--format", "json");
        var evaluated = await CliRunner.RunAsync(temp.Path, "eval", "--model", "r/best.pth", "--config", "r/config.yaml", "--data", "data", "--split", "all", "--format", "json");
        // Starting a 16-wide run from 24-wide weights is refused before the data is read.
        var wrongWidth = await TrainOriginalFromAsync(temp);

        Assert.True(trained.ExitCode == ExitCodes.Success, trained.ToString());
        Assert.Equal("24", Params(temp.Combine("r"))["base_filters"]);
        Assert.Contains("base_filters: 24", File.ReadAllText(temp.Combine("r", "config.yaml")));
        Assert.True(exported.ExitCode == ExitCodes.Success, exported.ToString());
        Assert.True(File.Exists(temp.Combine("m", "model.onnx")));
        Assert.True(evaluated.ExitCode == ExitCodes.Success, evaluated.ToString());
        Assert.Equal(ExitCodes.InvalidUsage, wrongWidth.ExitCode);
        Assert.Contains($"error: {temp.Combine("r", "best.pth")}: weights of a U-Net 24 channels wide, but model.base_filters is 16 (set model.base_filters: 24", wrongWidth.Stderr);
        Assert.False(Directory.Exists(temp.Combine("s")) || Directory.Exists(temp.Combine("s.partial")));
    }

    [Fact]
    public async Task Eval_of_a_runs_weights_measures_the_photos_the_run_was_tested_on()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 64, 64);
        File.WriteAllText(temp.Combine("c.yaml"), "data:\n  train_split: 0.5\n  val_split: 0.25\n  test_split: 0.25\n");
        var trained = await CliRunner.RunAsync(temp.Path, "train", "--config", "c.yaml", "--data", "data", "--image-size", "64", "--batch-size", "4",
            "--threads", "1", "--epochs", "1", "--seed", "7", "--out", "r", "--format", "json");
        Assert.True(trained.ExitCode == ExitCodes.Success, trained.ToString());
        var split = JsonDocument.Parse(File.ReadAllText(temp.Combine("r", "metrics.json"))).RootElement.GetProperty("split");
        List<string?> Recorded(string part) => [.. split.GetProperty(part).EnumerateArray().Select(e => e.GetString()).Order()];
        static List<string?> Stems(JsonElement eval) => [.. eval.GetProperty("per_photo").EnumerateArray().Select(p => p.GetProperty("stem").GetString()).Order()];
        Task<CliResult> EvalAsync(params string[] more) =>
            CliRunner.RunAsync(temp.Path, ["eval", "--model", "r/best.pth", "--data", "data", "--format", "json", .. more]);

        // No --config, no --seed: the run folder's config.yaml and the photos its metrics.json lists.
        var evaluated = await EvalAsync();
        var validation = await EvalAsync("--split", "val");
        // --seed: the run's ratios, that seed's split.
        var reseeded = await EvalAsync("--seed", "8");

        Assert.True(evaluated.ExitCode == ExitCodes.Success, evaluated.ToString());
        var json = JsonDocument.Parse(evaluated.Stdout).RootElement;
        Assert.Equal(Recorded("test"), Stems(json));
        Assert.Equal(3, Recorded("test").Count);
        Assert.Equal(7, json.GetProperty("seed").GetInt32());
        Assert.Equal(64, json.GetProperty("model_image_size").GetInt32());
        Assert.Contains("metrics.json", evaluated.Stderr);
        Assert.Equal(Recorded("val"), Stems(JsonDocument.Parse(validation.Stdout).RootElement));
        Assert.True(reseeded.ExitCode == ExitCodes.Success, reseeded.ToString());
        var stems = Enumerable.Range(0, 12).Select(i => $"meter_{i:D3}");
        Assert.Equal([.. DatasetSplit.Create(stems, new SplitRatios(0.5, 0.25, 0.25), 8).Test.Order()], Stems(JsonDocument.Parse(reseeded.Stdout).RootElement));

        // A test photo gone from the folder is named, not silently replaced.
        var gone = Recorded("test")[0]!;
        File.Delete(temp.Combine("data", "images", gone + ".jpg"));
        File.Delete(temp.Combine("data", "masks", gone + ".png"));
        var lacking = await EvalAsync();
        Assert.Equal(ExitCodes.DataValidationFailed, lacking.ExitCode);
        Assert.Contains(gone, lacking.Stderr);
    }

    /// <summary>One epoch on 12 synthetic 64x64 pairs in data/, with this config (c.yaml), into r/.</summary>
    private static Task<CliResult> TrainOneEpochAsync(TempDirectory temp, string config)
    {
        TestImages.CreateDataset(temp.Path, 12, 64, 64);
        File.WriteAllText(temp.Combine("c.yaml"), config);
        return CliRunner.RunAsync(temp.Path, "train", "--config", "c.yaml", "--data", "data", "--image-size", "64", "--batch-size", "4",
            "--threads", "1", "--epochs", "1", "--out", "r", "--format", "json");
    }

    /// <summary>The original U-Net started from r/best.pth, into s/.</summary>
    private static Task<CliResult> TrainOriginalFromAsync(TempDirectory temp) =>
        CliRunner.RunAsync(temp.Path, "train", "--data", "data", "--image-size", "64", "--threads", "1", "--epochs", "1",
            "--init", "r/best.pth", "--out", "s");

    private static Dictionary<string, string> Params(string runFolder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(runFolder, "metrics.json"))).RootElement.GetProperty("params")
            .EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);

    [Theory]
    [InlineData("training:\n  epochs: many\n", "c.yaml: training.epochs: expected an integer, got \"many\" (line 2)")]
    [InlineData("training:\n  epochz: 3\n", "c.yaml: unknown key \"epochz\" in training (line 2)")]
    [InlineData("data:\n  train_split: 0.9\n", "c.yaml: data: train_split + val_split + test_split must be 1")]
    public async Task A_bad_config_is_invalid_usage_naming_the_file_and_nothing_is_written(string yaml, string expected)
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 6, 32, 32);
        File.WriteAllText(temp.Combine("c.yaml"), yaml);

        var result = await CliRunner.RunAsync(temp.Path, Tiny("--config", "c.yaml", "--out", "r"));

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains($"error: {temp.Combine(expected)}", result.Stderr);
        Assert.False(Directory.Exists(temp.Combine("r")));
        Assert.False(Directory.Exists(temp.Combine("r.partial")));
    }

    [Theory]
    [InlineData("--image-size", "100", "--image-size: must be divisible by 16")]
    [InlineData("--epochs", "0", "--epochs: must be at least 1, not 0")]
    [InlineData("--threads", "-1", "--threads: must be between 0 (all cores) and 256, not -1")]
    [InlineData("--epochs", "abc", "Cannot parse argument 'abc' for option '--epochs' as an integer.")]
    [InlineData("--threads", "100000", "--threads: must be between 0 (all cores) and 256, not 100000")]
    public async Task A_bad_option_value_is_invalid_usage_naming_the_option(string option, string value, string expected)
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 6, 32, 32);
        var result = await CliRunner.RunAsync(temp.Path, "train", "--data", "data", option, value, "--out", "r");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
        Assert.False(Directory.Exists(temp.Combine("r")));
    }

    [Fact]
    public async Task Init_fine_tunes_a_run_s_weights_at_another_size_and_a_missing_file_is_not_found()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 48, 40);
        var first = await CliRunner.RunAsync(temp.Path, Tiny("--out", "a", "--format", "json"));
        Assert.True(first.ExitCode == ExitCodes.Success, first.ToString());

        var tuned = await CliRunner.RunAsync(temp.Path, "train", "--data", "data", "--image-size", "48", "--batch-size", "4", "--threads", "1",
            "--epochs", "1", "--init", "a/best.pth", "--out", "b", "--format", "json");
        var missing = await CliRunner.RunAsync(temp.Path, Tiny("--init", "a/none.pth", "--out", "c"));

        Assert.True(tuned.ExitCode == ExitCodes.Success, tuned.ToString());
        var metrics = JsonDocument.Parse(File.ReadAllText(temp.Combine("b", "metrics.json"))).RootElement;
        Assert.Equal("best.pth", metrics.GetProperty("params").GetProperty("init_weights").GetString());
        Assert.Equal("48", metrics.GetProperty("params").GetProperty("image_size").GetString());
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains($"error: {temp.Combine("a", "none.pth")}: weights file not found", missing.Stderr);
        Assert.False(Directory.Exists(temp.Combine("c")));
    }

    [Fact]
    public async Task Bad_data_fails_with_one_line_naming_the_file_and_writes_nothing()
    {
        using var temp = new TempDirectory();
        var data = TestImages.CreateDataset(temp.Path, 6, 32, 32);
        File.Delete(Path.Combine(data, "images", "meter_002.jpg"));
        var missingPhoto = await CliRunner.RunAsync(temp.Path, Tiny("--out", "r"));
        Assert.Equal(ExitCodes.DataValidationFailed, missingPhoto.ExitCode);
        Assert.Contains($"error: Missing images for 1 masks in {Path.Combine(data, "masks")}: meter_002.png", missingPhoto.Stderr);

        TestImages.WritePair(data, "meter_002", 32, 32, 5);
        var mask = Path.Combine(data, "masks", "meter_003.png");
        File.WriteAllBytes(mask, TestImages.Encode(new Wms.Core.Imaging.RgbImage(32, 16), ".png"));
        var sizeMismatch = await CliRunner.RunAsync(temp.Path, Tiny("--out", "r"));
        Assert.Equal(ExitCodes.DataValidationFailed, sizeMismatch.ExitCode);
        Assert.Contains($"error: {mask}: mask is 32x16 but its photo meter_003.jpg is 32x32 (after EXIF orientation)", sizeMismatch.Stderr);

        Assert.False(Directory.Exists(temp.Combine("r")));
        Assert.False(Directory.Exists(temp.Combine("r.partial")));
    }

    [Fact]
    public async Task An_empty_data_folder_is_a_data_error()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("data", "images"));
        Directory.CreateDirectory(temp.Combine("data", "masks"));
        var result = await CliRunner.RunAsync(temp.Path, Tiny());
        Assert.Equal(ExitCodes.DataValidationFailed, result.ExitCode);
        Assert.Contains("No valid image-mask pairs found in", result.Stderr);
        Assert.False(Directory.Exists(temp.Combine("runs")));
    }

    [Fact]
    public async Task An_existing_file_as_run_folder_is_a_conflict()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 6, 32, 32);
        File.WriteAllText(temp.Combine("r"), "not a folder");
        var result = await CliRunner.RunAsync(temp.Path, Tiny("--out", "r"));
        Assert.Equal(ExitCodes.Conflict, result.ExitCode);
        Assert.Contains("already exists; choose another --out", result.Stderr);
    }

    [Fact]
    public async Task Ctrl_C_stops_after_the_batch_keeps_the_best_weights_and_exits_130()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 12, 32, 32);
        using var cancel = new CancellationTokenSource();
        var observer = new CancelAt(cancel, epoch: 2, batch: 1);

        var result = await CliRunner.RunAsync(temp.Path, Tiny("--out", "r", "--epochs", "5"),
            configure: s => s.AddSingleton<ITrainingObserver>(observer), cancellationToken: cancel.Token);

        Assert.Equal(ExitCodes.Cancelled, result.ExitCode);
        Assert.Contains("cancelled; the best weights so far (epoch 1) are in", result.Stderr);
        Assert.False(Directory.Exists(temp.Combine("r")));
        Assert.True(File.Exists(temp.Combine("r.partial", "best.pth")));
        var metrics = JsonDocument.Parse(File.ReadAllText(temp.Combine("r.partial", "metrics.json"))).RootElement;
        Assert.Equal("cancelled", metrics.GetProperty("status").GetString());
        Assert.Equal(1, observer.Epochs);
        Assert.True(observer.SawStart);
    }

    /// <summary>An observer registered in DI (as experiment tracking will be) that presses Ctrl+C at a batch.</summary>
    private sealed class CancelAt(CancellationTokenSource cancel, int epoch, int batch) : ITrainingObserver
    {
        public int Epochs { get; private set; }
        public bool SawStart { get; private set; }

        public void OnRunStarted(TrainingStarted run) => SawStart = true;

        public void OnEpochCompleted(EpochMetrics e) => Epochs++;

        public void OnBatchCompleted(BatchCompleted b)
        {
            if (b.Epoch == epoch && b.Batch == batch) cancel.Cancel();
        }
    }
}
