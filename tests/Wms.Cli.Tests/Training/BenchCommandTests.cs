using System.Text.Json;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Training;

/// <summary>The benchmark commands run and report (at tiny sizes: these check the plumbing, not speed).</summary>
public sealed class BenchCommandTests
{
    [Fact]
    public async Task Bench_train_and_forward_report_a_median_per_size_and_compute()
    {
        using var temp = new TempDirectory();
        var train = await CliRunner.RunAsync(temp.Path, "bench", "train", "--size", "32", "48", "--batch", "2", "--n", "2", "--warmup", "0",
            "--threads", "1", "--compute", "fp32", "channels-last-bf16", "--format", "json");
        Assert.True(train.ExitCode == ExitCodes.Success, train.ToString());
        var rows = JsonDocument.Parse(train.Stdout).RootElement.EnumerateArray().ToList();
        Assert.Equal(["32 fp32", "32 channels-last-bf16", "48 fp32", "48 channels-last-bf16"],
            rows.Select(r => $"{r.GetProperty("size").GetInt32()} {r.GetProperty("compute").GetString()}"));
        Assert.All(rows, r => Assert.True(r.GetProperty("median_ms").GetDouble() > 0));

        var forward = await CliRunner.RunAsync(temp.Path, "bench", "forward", "--size", "32", "--n", "2", "--threads", "1", "--compute", "bf16");
        Assert.True(forward.ExitCode == ExitCodes.Success, forward.ToString());
        Assert.Contains("forward", forward.Stdout);
        Assert.Contains("bf16", forward.Stdout);
    }

    [Fact]
    public async Task Bench_train_times_the_depth_it_is_given()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "bench", "train", "--size", "32", "--depth", "5", "--batch", "2", "--n", "1", "--warmup", "0",
            "--threads", "1", "--compute", "fp32", "--format", "json");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var row = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray());
        Assert.Equal(5, row.GetProperty("depth").GetInt32());
        Assert.Equal(16, row.GetProperty("base_filters").GetInt32());

        var wider = await CliRunner.RunAsync(temp.Path, "bench", "forward", "--size", "32", "--base-filters", "24", "--n", "1", "--threads", "1");
        Assert.True(wider.ExitCode == ExitCodes.Success, wider.ToString());
        Assert.Contains("forward 32 b1 width 24", wider.Stdout);

        // 48 halves four times to 3 but not five: a depth-5 U-Net cannot take it.
        var odd = await CliRunner.RunAsync(temp.Path, "bench", "forward", "--size", "48", "--depth", "5", "--n", "1", "--threads", "1");
        Assert.Equal(ExitCodes.InvalidUsage, odd.ExitCode);
        Assert.Contains("--size: must be divisible by 32 (the U-Net halves it 5 times) and between 32 and 2048, not 48", odd.Stderr);

        // Training, export and eval refuse a side above 2048; so does the bench, before it allocates one.
        var huge = await CliRunner.RunAsync(temp.Path, "bench", "forward", "--size", "32", "2080", "--n", "1", "--threads", "1");
        Assert.Equal(ExitCodes.InvalidUsage, huge.ExitCode);
        Assert.Contains("--size: must be divisible by 16 (the U-Net halves it 4 times) and between 32 and 2048, not 2080", huge.Stderr);
        Assert.Equal("", huge.Stdout);
    }

    [Fact]
    public async Task Without_the_reference_script_the_table_still_comes_with_a_warning_and_a_partial_failure()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "bench", "forward", "--size", "32", "--n", "1", "--threads", "1",
            "--compute", "fp32", "--reference", "--reference-script", "missing.py");
        Assert.Equal(ExitCodes.PartialFailure, result.ExitCode);
        Assert.Contains("forward 32 b1", result.Stdout);
        Assert.Contains($"PyTorch reference not measured: {temp.Combine("missing.py")} not found", result.Stderr);
    }

    [Theory]
    [InlineData("forward", "--threads", "100000", "--threads: must be between 0 (all cores) and 256, not 100000")]
    [InlineData("train", "--depth", "3", "--depth: must be one of 4, 5, not 3")]
    [InlineData("forward", "--base-filters", "20", "--base-filters: must be a multiple of 8 from 8 to 64, not 20")]
    [InlineData("epoch", "--epochs", "0", "--epochs: must be at least 1, not 0")]
    [InlineData("epoch", "--limit", "-1", "--limit: must be 0 (all pairs) or more, not -1")]
    public async Task Bad_bench_values_are_invalid_usage(string command, string option, string value, string expected)
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 4, 32, 32);
        string[] data = command == "epoch" ? ["--data", "data"] : [];
        var result = await CliRunner.RunAsync(temp.Path, ["bench", command, "--size", "32", .. data, option, value]);
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains(expected, result.Stderr);
    }

    [Fact]
    public async Task With_the_reference_PyTorch_is_timed_in_the_same_run()
    {
        var script = TestEnvironment.RequireTorchReference();
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "bench", "train", "--size", "32", "--batch", "2", "--n", "1", "--warmup", "0",
            "--threads", "1", "--compute", "fp32", "--reference", "--reference-script", script, "--format", "json");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var row = Assert.Single(JsonDocument.Parse(result.Stdout).RootElement.EnumerateArray());
        Assert.True(row.GetProperty("torch_median_ms").GetDouble() > 0);
        Assert.True(row.GetProperty("speedup_vs_torch").GetDouble() > 0);
        Assert.True(row.GetProperty("torch_same_malloc_median_ms").GetDouble() > 0);
        Assert.True(row.GetProperty("speedup_vs_torch_same_malloc").GetDouble() > 0);

        // PyTorch's model is the original depth 4: against our depth 5 there is no speed-up to give.
        var deeper = await CliRunner.RunAsync(temp.Path, "bench", "train", "--size", "32", "--depth", "5", "--batch", "2", "--n", "1", "--warmup", "0",
            "--threads", "1", "--compute", "fp32", "--reference", "--reference-script", script, "--format", "json");
        Assert.True(deeper.ExitCode == ExitCodes.Success, deeper.ToString());
        var deep = Assert.Single(JsonDocument.Parse(deeper.Stdout).RootElement.EnumerateArray());
        Assert.True(deep.GetProperty("torch_median_ms").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, deep.GetProperty("speedup_vs_torch").ValueKind);

        // Nor against a wider one.
        var widerRun = await CliRunner.RunAsync(temp.Path, "bench", "forward", "--size", "32", "--base-filters", "24", "--n", "1", "--warmup", "0",
            "--threads", "1", "--compute", "fp32", "--reference", "--reference-script", script, "--format", "json");
        Assert.True(widerRun.ExitCode == ExitCodes.Success, widerRun.ToString());
        var wide = Assert.Single(JsonDocument.Parse(widerRun.Stdout).RootElement.EnumerateArray());
        Assert.True(wide.GetProperty("torch_median_ms").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, wide.GetProperty("speedup_vs_torch").ValueKind);
        Assert.Equal(JsonValueKind.Null, wide.GetProperty("speedup_vs_torch_same_malloc").ValueKind);
    }

    [Fact]
    public async Task Bench_epoch_compares_the_cache_with_decoding_every_epoch()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 10, 64, 48);
        var result = await CliRunner.RunAsync(temp.Path, "bench", "epoch", "--data", "data", "--size", "32", "--epochs", "1", "--threads", "1", "--format", "json");
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var root = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal(8, root.GetProperty("train_pairs").GetInt32());
        Assert.Equal(1, root.GetProperty("validation_pairs").GetInt32());
        Assert.Equal(2, root.GetProperty("batches_per_epoch").GetInt32());
        Assert.True(root.GetProperty("speedup").GetDouble() > 0);
        Assert.Single(root.GetProperty("cached_epoch_seconds").EnumerateArray());
        var parts = Assert.Single(root.GetProperty("cached_epoch_parts").EnumerateArray());
        Assert.True(parts.GetProperty("step_seconds").GetDouble() > 0 && parts.GetProperty("validation_seconds").GetDouble() > 0, parts.ToString());
        Assert.Equal((32, 32, 4), (root.GetProperty("image_size").GetInt32(), root.GetProperty("training_sample_size").GetInt32(), root.GetProperty("batch_size").GetInt32()));
    }

    [Fact]
    public async Task Bench_epoch_times_what_a_config_trains_unless_the_command_line_says_otherwise()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 10, 64, 48);
        await File.WriteAllTextAsync(temp.Combine("crops.yaml"), """
            model:
              input_size: 64
            training:
              batch_size: 2
            augmentation:
              crop_size: 32
            """, TestContext.Current.CancellationToken);

        var config = await CliRunner.RunAsync(temp.Path, "bench", "epoch", "--data", "data", "--config", "crops.yaml", "--epochs", "1", "--threads", "1", "--format", "json");
        var overridden = await CliRunner.RunAsync(temp.Path, "bench", "epoch", "--data", "data", "--config", "crops.yaml", "--batch", "4", "--size", "48",
            "--epochs", "1", "--threads", "1", "--format", "json");

        Assert.True(config.ExitCode == ExitCodes.Success, config.ToString());
        var root = JsonDocument.Parse(config.Stdout).RootElement;
        Assert.Equal((64, 32, 2, 4), (root.GetProperty("image_size").GetInt32(), root.GetProperty("training_sample_size").GetInt32(),
            root.GetProperty("batch_size").GetInt32(), root.GetProperty("batches_per_epoch").GetInt32()));
        Assert.True(overridden.ExitCode == ExitCodes.Success, overridden.ToString());
        root = JsonDocument.Parse(overridden.Stdout).RootElement;
        Assert.Equal((48, 32, 4, 2), (root.GetProperty("image_size").GetInt32(), root.GetProperty("training_sample_size").GetInt32(),
            root.GetProperty("batch_size").GetInt32(), root.GetProperty("batches_per_epoch").GetInt32()));
    }

    [Fact]
    public async Task Bench_epoch_names_the_config_of_a_bad_value()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 4, 32, 32);
        await File.WriteAllTextAsync(temp.Combine("bad.yaml"), "model:\n  input_size: 64\naugmentation:\n  crop_size: 128\n", TestContext.Current.CancellationToken);

        var result = await CliRunner.RunAsync(temp.Path, "bench", "epoch", "--data", "data", "--config", "bad.yaml", "--epochs", "1", "--threads", "1");

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("bad.yaml", result.Stderr);
        Assert.Contains("crop_size", result.Stderr);
    }

    [Fact]
    public async Task Bench_epoch_names_the_option_of_a_bad_value_given_on_the_command_line()
    {
        using var temp = new TempDirectory();
        TestImages.CreateDataset(temp.Path, 4, 32, 32);
        await File.WriteAllTextAsync(temp.Combine("good.yaml"), "model:\n  input_size: 64\n", TestContext.Current.CancellationToken);

        var size = await CliRunner.RunAsync(temp.Path, "bench", "epoch", "--data", "data", "--config", "good.yaml", "--size", "50", "--epochs", "1");
        var batch = await CliRunner.RunAsync(temp.Path, "bench", "epoch", "--data", "data", "--config", "good.yaml", "--batch", "0", "--epochs", "1");

        Assert.Equal(ExitCodes.InvalidUsage, size.ExitCode);
        Assert.Contains("error: --size: must be divisible by 16", size.Stderr);
        Assert.Equal(ExitCodes.InvalidUsage, batch.ExitCode);
        Assert.Contains("error: --batch: must be at least 1", batch.Stderr);
        Assert.DoesNotContain("good.yaml", size.Stderr + batch.Stderr);
    }
}
