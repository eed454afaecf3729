using System.Text.Json;
using SkiaSharp;
using Wms.Cli.Tests.Model;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Bench;

/// <summary>The benchmark runs and reports every stage; its numbers are for a quiet machine, not asserted here.</summary>
public sealed class BenchPredictCommandTests
{
    [Fact]
    public async Task It_reports_the_stages_of_each_request()
    {
        using var temp = new TempDirectory();
        ModelExportCommandTests.WriteWeights(temp.Combine("best.dat"));
        var export = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "best.dat", "--out", "model", "--image-size", "64");
        Assert.True(export.ExitCode == ExitCodes.Success, export.ToString());
        WritePng(temp.Combine("photo.png"), 120, 90);

        var result = await CliRunner.RunAsync(temp.Path, "bench", "predict", "--model", "model", "--image", "photo.png",
            "--n", "3", "--threads", "1", "--concurrency", "2", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        Assert.Equal((120, 90, 64, 3), (json.GetProperty("width").GetInt32(), json.GetProperty("height").GetInt32(),
            json.GetProperty("image_size").GetInt32(), json.GetProperty("requests").GetInt32()));
        foreach (var stage in new[] { "decode", "preprocess", "inference", "total" })
            Assert.True(json.GetProperty(stage).GetProperty("median_ms").GetDouble() > 0, stage);
        Assert.True(json.GetProperty("requests_per_second").GetDouble() > 0);
    }

    [Fact]
    public async Task A_missing_model_is_not_found()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "bench", "predict", "--model", "nothing", "--n", "1");
        Assert.Equal(ExitCodes.NotFound, result.ExitCode);
        Assert.Contains("nothing", result.Stderr);
    }

    private static void WritePng(string path, int width, int height)
    {
        using var bitmap = new SKBitmap(width, height);
        for (var y = 0; y < height; y++)
        for (var x = 0; x < width; x++)
            bitmap.SetPixel(x, y, new SKColor((byte)(x * 2), (byte)(y * 2), 90));
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        File.WriteAllBytes(path, data.ToArray());
    }
}
