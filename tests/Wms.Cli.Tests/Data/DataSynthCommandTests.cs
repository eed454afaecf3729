using System.Text.Json;
using Wms.Core.Imaging;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Data;

public sealed class DataSynthCommandTests
{
    private static readonly string[] Small = ["--min-size", "96", "--max-size", "128"];

    [Fact]
    public async Task Writes_pairs_and_prints_one_json_summary()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, ["data", "synth", "--count", "3", "--out", "synth", "--seed", "7", .. Small, "--format", "json"]);

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        using var json = JsonDocument.Parse(result.Stdout);
        var root = json.RootElement;
        Assert.Equal(3, root.GetProperty("count").GetInt32());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Equal(temp.Combine("synth"), root.GetProperty("directory").GetString());
        Assert.Equal(temp.Combine("synth", "images"), root.GetProperty("images").GetString());
        Assert.InRange(root.GetProperty("max_side").GetInt32(), 96, 128);
        Assert.Equal(0, root.GetProperty("mislabeled").GetInt32());

        var images = ImageFiles.List(temp.Combine("synth", "images"));
        var masks = ImageFiles.List(temp.Combine("synth", "masks"));
        Assert.Equal(["synth_7_00000", "synth_7_00001", "synth_7_00002"], images.Select(Path.GetFileNameWithoutExtension));
        Assert.Equal(images.Select(Path.GetFileNameWithoutExtension), masks.Select(Path.GetFileNameWithoutExtension));
        Assert.DoesNotContain("Rendering", result.Stderr);
    }

    [Fact]
    public async Task The_table_output_names_the_folders()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, ["data", "synth", "--count", "2", "--out", "d", .. Small]);
        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.Contains(temp.Combine("d", "masks"), result.Stdout);
        Assert.Contains("wrote 2 synthetic pairs", result.Stderr);
        Assert.Contains("Rendering 2 synthetic photos [100 %", result.Stderr);
    }

    [Fact]
    public async Task A_non_empty_folder_is_a_conflict_unless_forced()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("d", "masks"));
        File.WriteAllText(temp.Combine("d", "masks", "old.png"), "x");

        var refused = await CliRunner.RunAsync(temp.Path, ["data", "synth", "--count", "2", "--out", "d", .. Small]);
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains("not empty", refused.Stderr);
        Assert.True(File.Exists(temp.Combine("d", "masks", "old.png")));

        var forced = await CliRunner.RunAsync(temp.Path, ["data", "synth", "--count", "2", "--out", "d", "--force", .. Small]);
        Assert.True(forced.ExitCode == ExitCodes.Success, forced.ToString());
        Assert.False(File.Exists(temp.Combine("d", "masks", "old.png")));
        Assert.Equal(2, Directory.GetFiles(temp.Combine("d", "masks")).Length);
    }

    [Theory]
    [InlineData("--count", "0", "--count")]
    [InlineData("--seed", "-1", "--seed")]
    [InlineData("--noise", "9", "noise")]
    [InlineData("--mislabeled", "2", "mislabeled")]
    [InlineData("--max-size", "50", "max-size")]
    public async Task Bad_values_are_invalid_usage_naming_the_option(string option, string value, string named)
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "data", "synth", "--out", "d", option, value);
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains(named, result.Stderr);
        Assert.False(Directory.Exists(temp.Combine("d", "images")));
    }

    [Fact]
    public async Task Out_is_required()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "data", "synth", "--count", "1");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("--out", result.Stderr);
    }

    [Fact]
    public async Task Defaults_come_from_configuration_and_options_override_them()
    {
        using var temp = new TempDirectory();
        var settings = new Dictionary<string, string?> { ["Synthetic:NoiseLevel"] = "0", ["Synthetic:MislabeledFraction"] = "1" };
        var configured = await CliRunner.RunAsync(temp.Path, ["data", "synth", "--count", "1", "--out", "a", .. Small, "--format", "json"], settings, cancellationToken: TestContext.Current.CancellationToken);
        Assert.True(configured.ExitCode == ExitCodes.Success, configured.ToString());
        using (var json = JsonDocument.Parse(configured.Stdout))
        {
            Assert.Equal(0, json.RootElement.GetProperty("noise_level").GetDouble());
            Assert.Equal(1, json.RootElement.GetProperty("mislabeled").GetInt32());
        }

        var overridden = await CliRunner.RunAsync(temp.Path, ["data", "synth", "--count", "1", "--out", "b", "--mislabeled", "0", .. Small, "--format", "json"], settings, cancellationToken: TestContext.Current.CancellationToken);
        using (var json = JsonDocument.Parse(overridden.Stdout))
            Assert.Equal(0, json.RootElement.GetProperty("mislabeled").GetInt32());
    }

    [Fact]
    public async Task Data_help_lists_synth()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "data", "--help");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        Assert.Contains("synth", result.Stdout);
    }
}
