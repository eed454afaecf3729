using System.Text.Json;
using SkiaSharp;
using Wms.Core.Inference;
using Wms.Core.Models;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Model;

/// <summary>`wms model export --int8 --calibration DIR`: the folder serving loads, and every bad input refused with a message.</summary>
public sealed class ModelExportInt8Tests
{
    [Fact]
    public async Task Int8_export_writes_a_model_folder_the_engine_serves()
    {
        using var temp = new TempDirectory();
        ModelExportCommandTests.WriteWeights(temp.Combine("best.dat"));
        var photos = Directory.CreateDirectory(temp.Combine("data", "images")).FullName;
        for (var i = 0; i < 3; i++) WritePhoto(Path.Combine(photos, $"p{i}.png"), 90 + i * 10, 70 + i * 5, seed: i);

        // A data folder: the photos are found in its images/.
        var result = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "best.dat", "--out", "model",
            "--image-size", "64", "--int8", "--calibration", "data", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal("int8", json.GetProperty("precision").GetString());
        var int8 = json.GetProperty("int8");
        Assert.Equal(3, int8.GetProperty("calibration_photos").GetInt32());
        Assert.True(int8.GetProperty("mean_dice").GetDouble() >= 0.95);

        var package = ModelPackage.Open(temp.Combine("model"));
        Assert.Equal(ModelContract.Int8Precision, package.Manifest!.EffectivePrecision);
        Assert.Contains("metadata:\n  precision: int8\n", File.ReadAllText(temp.Combine("model", "MLmodel")));
        Assert.Equal("model.onnx", MlModelFile.Read(temp.Combine("model", "MLmodel")).OnnxData);
        using var engine = SegmentationEngine.Load(package, new InferenceOptions { IntraOpThreads = 1 });
        var prediction = engine.Predict(File.ReadAllBytes(Path.Combine(photos, "p0.png")), "p0.png");
        Assert.Equal((64, 512, 512), (engine.ImageSize, prediction.Mask.Width, prediction.Mask.Height));
    }

    [Fact]
    public async Task A_missing_or_empty_calibration_folder_is_refused_naming_it()
    {
        using var temp = new TempDirectory();
        ModelExportCommandTests.WriteWeights(temp.Combine("best.dat"));

        var missing = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "best.dat", "--out", "model",
            "--int8", "--calibration", "nowhere");
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains("nowhere", missing.Stderr);

        Directory.CreateDirectory(temp.Combine("empty"));
        File.WriteAllText(temp.Combine("empty", "notes.txt"), "no photos here");
        var empty = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "best.dat", "--out", "model",
            "--int8", "--calibration", "empty");
        Assert.Equal(ExitCodes.InvalidUsage, empty.ExitCode);
        Assert.Contains("no calibration photos", empty.Stderr);
        Assert.Contains("empty", empty.Stderr);
        Assert.False(Directory.Exists(temp.Combine("model")));
    }

    [Theory]
    [InlineData("--int8")]
    [InlineData("--calibration", "photos")]
    [InlineData("--int8", "--calibration", "photos", "--calibration-count", "0")]
    [InlineData("--int8", "--calibration", "photos", "--min-dice", "1.5")]
    public async Task Inconsistent_int8_options_are_refused(params string[] options)
    {
        using var temp = new TempDirectory();
        ModelExportCommandTests.WriteWeights(temp.Combine("best.dat"));
        Directory.CreateDirectory(temp.Combine("photos"));

        var result = await CliRunner.RunAsync(temp.Path, ["model", "export", "--weights", "best.dat", "--out", "model", .. options]);

        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Matches("--int8|--calibration|--min-dice", result.Stderr);
        Assert.False(Directory.Exists(temp.Combine("model")));
    }

    private static void WritePhoto(string path, int width, int height, int seed)
    {
        var random = new Random(seed);
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            bitmap.SetPixel(x, y, new SKColor((byte)(x * 2 + random.Next(20)), (byte)(y * 3), (byte)random.Next(256)));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
