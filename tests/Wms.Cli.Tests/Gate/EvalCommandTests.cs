using System.Text.Json;
using Wms.Core.Models;
using Wms.Tests.Shared;
using Wms.Training;
using Wms.Training.Data;
using Wms.Training.Model;
using Xunit;

namespace Wms.Cli.Tests.Gate;

/// <summary>`wms eval` on the stripe photos, whose scores are known by hand for the colour-rule models.</summary>
public sealed class EvalCommandTests : IDisposable
{
    private const int S = GateWorkspace.Size;
    private readonly GateWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private Task<CliResult> EvalAsync(params string[] args) => CliRunner.RunAsync(_ws.Root, ["eval", .. args], cancellationToken: Ct);

    private async Task<JsonElement> EvalJsonAsync(params string[] args)
    {
        var result = await EvalAsync([.. args, "--format", "json"]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        return JsonDocument.Parse(result.Stdout).RootElement.Clone();
    }

    private string ModelFolder(byte[] onnx)
    {
        var folder = Path.Combine(_ws.Root, $"model-{Guid.NewGuid():N}");
        ModelFolderWriter.Write(folder, new ModelFolderContent { Onnx = onnx, ImageSize = S });
        return folder;
    }

    [Fact]
    public async Task A_model_folder_on_all_photos_gives_per_photo_and_mean_scores()
    {
        var json = await EvalJsonAsync("--model", ModelFolder(StripePhotos.Perfect(S)), "--split", "all", "--mask-size", "64");

        Assert.Equal(6, json.GetProperty("photos").GetInt32());
        Assert.Equal(64, json.GetProperty("mask_size").GetInt32());
        Assert.Equal("none", json.GetProperty("postprocess").GetString());
        Assert.Equal(1.0, json.GetProperty("summary").GetProperty("dice").GetDouble(), 9);
        Assert.Equal(0.0, json.GetProperty("summary").GetProperty("hausdorff").GetDouble(), 9);
        Assert.Equal(6, json.GetProperty("per_photo").GetArrayLength());
        Assert.Equal(6, json.GetProperty("worst").GetArrayLength());
    }

    [Fact]
    public async Task An_onnx_file_on_the_test_split_uses_the_photos_wms_train_tests_on()
    {
        var onnx = Path.Combine(_ws.Root, "m.onnx");
        await File.WriteAllBytesAsync(onnx, StripePhotos.Everything(S), Ct);
        var expected = DatasetSplit.Create(DatasetFolder.Scan(_ws.Data).Select(p => p.Stem), SplitRatios.Default, 7).Test;

        var json = await EvalJsonAsync("--model", "m.onnx", "--data", "data", "--seed", "7");

        Assert.Equal(expected, json.GetProperty("per_photo").EnumerateArray().Select(p => p.GetProperty("stem").GetString()));
        Assert.Equal(7, json.GetProperty("seed").GetInt32());
        Assert.Equal(512, json.GetProperty("mask_size").GetInt32());
        Assert.Equal(2.0 / 3, json.GetProperty("summary").GetProperty("dice").GetDouble(), 6);
        Assert.Equal(0.5, json.GetProperty("summary").GetProperty("iou").GetDouble(), 6);
    }

    [Fact]
    public async Task A_registry_reference_evaluates_that_version()
    {
        var version = await _ws.ProductionAsync(StripePhotos.Perfect(S));
        await _ws.RunAsync(StripePhotos.Everything(S), 0.5, 0.4);

        var production = await EvalJsonAsync("--model", "models:/water-meter-segmentation@production", "--split", "all");
        var byNumber = await EvalJsonAsync("--model", version.ToString(System.Globalization.CultureInfo.InvariantCulture), "--split", "all");

        Assert.Equal($"model 'water-meter-segmentation' version {version}", production.GetProperty("model").GetString());
        Assert.Equal(1.0, production.GetProperty("summary").GetProperty("dice").GetDouble(), 9);
        Assert.Equal(1.0, byNumber.GetProperty("summary").GetProperty("dice").GetDouble(), 9);
    }

    [Fact]
    public async Task Report_writes_markdown_a_grid_of_the_worst_photos_and_every_photos_scores()
    {
        var result = await EvalAsync("--model", ModelFolder(StripePhotos.Everything(S)), "--split", "all", "--mask-size", "64", "--worst", "3", "--report", "report");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains("3 worst photos", result.Stdout);
        var markdown = await File.ReadAllTextAsync(Path.Combine(_ws.Root, "report", "report.md"), Ct);
        Assert.Contains("| 0.6667 | 0.5000 | 32.00 | 0.5000 |", markdown);
        Assert.Contains("## The 3 worst photos", markdown);
        Assert.Contains("![worst photos](worst.png)", markdown);
        var png = await File.ReadAllBytesAsync(Path.Combine(_ws.Root, "report", "worst.png"), Ct);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png.Take(4));
        Assert.Equal(7, (await File.ReadAllLinesAsync(Path.Combine(_ws.Root, "report", "per_photo.csv"), Ct)).Length);
    }

    [Fact]
    public async Task Weights_are_exported_to_ONNX_at_the_configs_input_size_and_evaluated()
    {
        TorchRuntime.Configure(1);
        using (var model = new UNet()) Checkpoints.Save(model, Path.Combine(_ws.Root, "best.pth"));
        await File.WriteAllTextAsync(Path.Combine(_ws.Root, "c.yaml"), "model:\n  input_size: 32\n", Ct);

        var json = await EvalJsonAsync("--model", "best.pth", "--config", "c.yaml", "--split", "all", "--mask-size", "64");

        Assert.Equal(32, json.GetProperty("model_image_size").GetInt32());
        Assert.InRange(json.GetProperty("summary").GetProperty("dice").GetDouble(), 0, 1);
    }

    [Theory]
    [InlineData("--model", "missing.onnx", ExitCodes.NotFound, "missing.onnx: model not found")]
    [InlineData("--model", "9", ExitCodes.NotFound, "error: registered model 'water-meter-segmentation'")]
    [InlineData("--data", "nowhere", ExitCodes.NotFound, "nowhere: data folder not found")]
    [InlineData("--split", "holdout", ExitCodes.InvalidUsage, "--split: unknown split 'holdout' (use test, val, train, all)")]
    [InlineData("--mask-size", "8", ExitCodes.InvalidUsage, "--mask-size must be between 16 and 2048, not 8")]
    [InlineData("--mask-size", "100000", ExitCodes.InvalidUsage, "--mask-size must be between 16 and 2048, not 100000")]
    [InlineData("--postprocess", "biggest", ExitCodes.InvalidUsage, "--postprocess: unknown value 'biggest' (use none or largest_region)")]
    [InlineData("--report", "m.onnx", ExitCodes.Conflict, "m.onnx: a file, not a folder for the report")]
    public async Task Bad_input_is_one_clear_line_and_a_named_exit_code(string option, string value, int exitCode, string message)
    {
        var onnx = Path.Combine(_ws.Root, "m.onnx");
        await File.WriteAllBytesAsync(onnx, StripePhotos.Perfect(S), Ct);
        string[] args = option == "--model" ? ["--model", value] : ["--model", "m.onnx", option, value];

        var result = await EvalAsync(args);

        Assert.Equal(exitCode, result.ExitCode);
        Assert.Contains(message, result.Stderr);
    }
}
