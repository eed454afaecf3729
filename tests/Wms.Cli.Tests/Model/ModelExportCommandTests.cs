using System.Text.Json;
using Wms.Core.Models;
using Wms.Training.Model;
using Wms.Tests.Shared;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Cli.Tests.Model;

public sealed class ModelExportCommandTests
{
    [Theory]
    [InlineData("best.dat")]
    [InlineData("best.pth")]
    public async Task Weights_become_a_verified_model_folder(string weightsFile)
    {
        using var temp = new TempDirectory();
        WriteWeights(temp.Combine(weightsFile));

        var result = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", weightsFile, "--out", "model",
            "--image-size", "256", "--run-id", "r1", "--format", "json");

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        var json = JsonDocument.Parse(result.Stdout).RootElement;
        var folder = temp.Combine("model");
        Assert.Equal(folder, json.GetProperty("folder").GetString());
        Assert.Equal(256, json.GetProperty("image_size").GetInt32());
        Assert.True(json.GetProperty("max_logit_difference").GetSingle() < 1e-4f);
        var package = ModelPackage.Open(folder);
        Assert.Equal(json.GetProperty("onnx_sha256").GetString(), package.OnnxSha256);
        Assert.Equal((256, "r1"), (package.ImageSize, package.RunId));
        Assert.True(File.Exists(Path.Combine(folder, "best.pth")) && File.Exists(Path.Combine(folder, "best.dat")));
    }

    [Fact]
    public async Task An_existing_folder_needs_force()
    {
        using var temp = new TempDirectory();
        WriteWeights(temp.Combine("best.dat"));
        Directory.CreateDirectory(temp.Combine("model"));

        var refused = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "best.dat", "--out", "model");
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains("--force", refused.Stderr);

        var forced = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "best.dat", "--out", "model", "--force");
        Assert.True(forced.ExitCode == ExitCodes.Success, forced.ToString());
        Assert.True(File.Exists(temp.Combine("model", "model.onnx")));
    }

    [Fact]
    public async Task Missing_or_broken_weights_are_reported_naming_the_file()
    {
        using var temp = new TempDirectory();
        var missing = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "none.pth", "--out", "model");
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
        Assert.Contains("none.pth", missing.Stderr);

        File.WriteAllText(temp.Combine("broken.pth"), "not weights");
        var broken = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "broken.pth", "--out", "model");
        Assert.Equal(ExitCodes.InvalidUsage, broken.ExitCode);
        Assert.Contains("broken.pth", broken.Stderr);
        Assert.False(Directory.Exists(temp.Combine("model")));
    }

    [Theory]
    [InlineData("33")]
    [InlineData("16")]
    [InlineData("99999")]
    public async Task An_input_size_training_would_refuse_is_refused_and_nothing_is_written(string size)
    {
        using var temp = new TempDirectory();
        WriteWeights(temp.Combine("w.pth"));
        var result = await CliRunner.RunAsync(temp.Path, "model", "export", "--weights", "w.pth", "--out", "model", "--image-size", size);
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains($"--image-size: must be between 32 and 2048 and divisible by 16 (the U-Net halves it four times; five times, so 32, for depth-5 weights), not {size}", result.Stderr);
        Assert.False(Directory.Exists(temp.Combine("model")));
    }

    internal static void WriteWeights(string path)
    {
        manual_seed(3);
        using var model = new UNet();
        Checkpoints.Save(model, path);
    }
}
