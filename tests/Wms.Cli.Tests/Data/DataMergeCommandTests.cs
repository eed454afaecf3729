using System.Text.Json;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Data;

/// <summary>`wms data merge`: counts, and the Conflict and DataValidationFailed exit codes.</summary>
public sealed class DataMergeCommandTests
{
    [Fact]
    public async Task A_merge_prints_existing_new_and_total_counts()
    {
        using var temp = new TempDirectory();
        DataValidateCommandTests.WritePairs(temp.Combine("training"), 2);
        WritePair(temp.Combine("incoming"), "fresh", 50);

        var result = await CliRunner.RunAsync(temp.Path, "data", "merge", "--new", "incoming", "--into", "training", "--format", "json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var json = JsonDocument.Parse(result.Stdout);
        Assert.Equal("merged", json.RootElement.GetProperty("outcome").GetString());
        Assert.Equal(2, json.RootElement.GetProperty("existing_pairs").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("new_pairs").GetInt32());
        Assert.Equal(3, json.RootElement.GetProperty("total_pairs").GetInt32());
    }

    [Fact]
    public async Task A_conflict_exits_with_conflict_and_replace_resolves_it()
    {
        using var temp = new TempDirectory();
        DataValidateCommandTests.WritePairs(temp.Combine("training"), 2);
        WritePair(temp.Combine("incoming"), "p0", 60);

        var refused = await CliRunner.RunAsync(temp.Path, "data", "merge", "--new", "incoming", "--into", "training");
        Assert.Equal(ExitCodes.Conflict, refused.ExitCode);
        Assert.Contains("images/p0.jpg: differs from the file already in the data set", refused.Stderr);
        Assert.Contains("existing pairs: 2, new pairs: 0, replaced pairs: 0, total pairs: 2", refused.Stdout);

        var replaced = await CliRunner.RunAsync(temp.Path, "data", "merge", "--new", "incoming", "--into", "training", "--replace");
        Assert.Equal(ExitCodes.Success, replaced.ExitCode);
        Assert.Contains("existing pairs: 2, new pairs: 0, replaced pairs: 1, total pairs: 2", replaced.Stdout);
    }

    [Fact]
    public async Task A_merge_that_would_fail_validation_exits_with_data_validation_failed()
    {
        using var temp = new TempDirectory();
        DataValidateCommandTests.WritePairs(temp.Combine("training"), 2);
        Directory.CreateDirectory(temp.Combine("incoming", "images"));
        File.WriteAllBytes(temp.Combine("incoming", "images", "lonely.jpg"), EncodedImages.Jpeg(64, 48, EncodedImages.Photo(70)));

        var result = await CliRunner.RunAsync(temp.Path, "data", "merge", "--new", "incoming", "--into", "training");

        Assert.Equal(ExitCodes.DataValidationFailed, result.ExitCode);
        Assert.Contains("Missing masks for 1 images", result.Stderr);
        Assert.False(File.Exists(temp.Combine("training", "images", "lonely.jpg")));
    }

    private static void WritePair(string root, string stem, int seed)
    {
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Directory.CreateDirectory(Path.Combine(root, "masks"));
        File.WriteAllBytes(Path.Combine(root, "images", stem + ".jpg"), EncodedImages.Jpeg(64, 48, EncodedImages.Photo(seed)));
        File.WriteAllBytes(Path.Combine(root, "masks", stem + ".png"), EncodedImages.GreyPng(64, 48, EncodedImages.Box(12, 10, 42, 24)));
    }
}
