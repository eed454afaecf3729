using System.Text.Json;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Demo;

/// <summary>
/// `wms demo` end to end: once as a user runs it (no arguments: 200 pairs, 128x128, 10 epochs,
/// about three CPU-minutes), which must segment its synthetic test photos at Dice >= 0.8, and
/// otherwise on reduced (hidden) settings so the suite stays fast.
/// </summary>
public sealed class DemoCommandTests
{
    private static readonly string[] Small = ["demo", "--pairs", "40", "--epochs", "4", "--image-size", "64", "--threads", "1"];

    [Fact]
    public async Task Renders_trains_tests_exports_and_predicts_into_one_folder()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, [.. Small, "--format", "json"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        var demo = temp.Combine("demo");
        Assert.Equal("completed", root.GetProperty("status").GetString());
        Assert.Equal(demo, root.GetProperty("directory").GetString());
        Assert.Equal(40, Directory.GetFiles(Path.Combine(demo, "data", "images")).Length);
        Assert.Equal((28, 6, 6), (root.GetProperty("train_pairs").GetInt32(), root.GetProperty("val_pairs").GetInt32(), root.GetProperty("test_pairs").GetInt32()));
        // It learned something even at this size: far better than an empty mask (Dice 0).
        Assert.InRange(root.GetProperty("test_dice").GetDouble(), 0.3, 1);
        foreach (var file in new[] { "run/metrics.json", "run/best.pth", "run/loss.png", "run/dice.png", "run/test_predictions.png", "model/model.onnx", "model/MLmodel", "demo.json" })
            Assert.True(File.Exists(Path.Combine(demo, file)), file);
        var predictions = root.GetProperty("predictions").EnumerateArray().ToList();
        Assert.Equal(4, predictions.Count);
        Assert.All(predictions, p =>
        {
            Assert.Equal(JsonValueKind.Null, p.GetProperty("error").ValueKind);
            Assert.True(File.Exists(p.GetProperty("mask").GetString()));
            Assert.True(File.Exists(p.GetProperty("overlay").GetString()));
        });
        Assert.Equal(result.Stdout.Trim(), File.ReadAllText(Path.Combine(demo, "demo.json")).Trim());
    }

    [Fact]
    public async Task With_no_arguments_it_segments_its_synthetic_test_photos_at_dice_0_8_or_better()
    {
        using var temp = new TempDirectory();

        var result = await CliRunner.RunAsync(temp.Path, "demo", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal((140, 30, 30), (root.GetProperty("train_pairs").GetInt32(), root.GetProperty("val_pairs").GetInt32(), root.GetProperty("test_pairs").GetInt32()));
        var dice = root.GetProperty("test_dice").GetDouble();
        Assert.True(dice >= 0.8, $"test Dice {dice:F4} < 0.8");
    }

    [Fact]
    public async Task An_existing_folder_is_refused_and_only_an_earlier_demo_is_replaced_with_force()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("mine"));
        File.WriteAllText(temp.Combine("mine", "notes.txt"), "keep me");

        var refused = await CliRunner.RunAsync(temp.Path, [.. Small, "--out", "mine"]);
        var forced = await CliRunner.RunAsync(temp.Path, [.. Small, "--out", "mine", "--force"]);

        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains("already exists; use --force", refused.Stderr);
        Assert.Equal(ExitCodes.Conflict, forced.ExitCode);
        Assert.Contains("not a folder made by wms demo", forced.Stderr);
        Assert.Equal("keep me", File.ReadAllText(temp.Combine("mine", "notes.txt")));

        Directory.CreateDirectory(temp.Combine("old"));
        File.WriteAllText(temp.Combine("old", ".wms-demo"), "");
        File.WriteAllText(temp.Combine("old", "stale.txt"), "");
        var replaced = await CliRunner.RunAsync(temp.Path,
            "demo", "--pairs", "20", "--epochs", "1", "--image-size", "32", "--threads", "1", "--out", "old", "--force");
        Assert.True(replaced.ExitCode == ExitCodes.Success, replaced.ToString());
        Assert.False(File.Exists(temp.Combine("old", "stale.txt")));
        Assert.Contains("Demo done: results in", replaced.Stderr);
        Assert.Contains("test (best weights)", replaced.Stdout);
    }

    [Fact]
    public async Task Too_few_pairs_is_a_usage_error()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "demo", "--pairs", "5");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("--pairs: at least 20", result.Stderr);
        Assert.False(Directory.Exists(temp.Combine("demo")));
    }
}
