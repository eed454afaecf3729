using System.Text.Json;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Data;

/// <summary>`wms data validate`: exit codes, JSON report on stdout and in --report, the human view.</summary>
public sealed class DataValidateCommandTests
{
    [Fact]
    public async Task A_good_data_set_exits_0_and_the_report_has_the_original_shape()
    {
        using var temp = new TempDirectory();
        WritePairs(temp.Combine("data"), 3);

        var result = await CliRunner.RunAsync(temp.Path, "data", "validate", "data", "--format", "json", "--report", "report.json");

        Assert.Equal(ExitCodes.Success, result.ExitCode);
        using var stdout = JsonDocument.Parse(result.Stdout);
        using var file = JsonDocument.Parse(File.ReadAllText(temp.Combine("report.json")));
        foreach (var report in new[] { stdout.RootElement, file.RootElement })
        {
            Assert.Equal("PASS", report.GetProperty("status").GetString());
            Assert.Equal(0, report.GetProperty("errors").GetArrayLength());
            Assert.Equal(JsonValueKind.Array, report.GetProperty("warnings").ValueKind);
            Assert.Equal(3, report.GetProperty("image_count").GetInt32());
            Assert.Equal(3, report.GetProperty("mask_count").GetInt32());
            Assert.Equal(3, report.GetProperty("valid_pairs").GetInt32());
            var statistics = report.GetProperty("statistics");
            Assert.True(statistics.GetProperty("median_coverage_%").GetDouble() > 0);
            Assert.True(statistics.TryGetProperty("std_coverage_%", out _));
            Assert.Equal("48x64", statistics.GetProperty("resolution").GetString());
        }
    }

    [Fact]
    public async Task A_bad_data_set_exits_with_data_validation_failed_and_lists_every_problem()
    {
        using var temp = new TempDirectory();
        WritePairs(temp.Path, 2);
        File.WriteAllBytes(temp.Combine("images", "empty.jpg"), []);
        File.WriteAllBytes(temp.Combine("masks", "empty.png"), EncodedImages.GreyPng(64, 48, EncodedImages.Box(5, 5, 40, 30)));
        File.WriteAllBytes(temp.Combine("images", "orphan.jpg"), EncodedImages.Jpeg(64, 48, EncodedImages.Photo(77)));

        var result = await CliRunner.RunAsync(temp.Path, "data", "validate");

        Assert.Equal(ExitCodes.DataValidationFailed, result.ExitCode);
        Assert.Contains("FAIL", result.Stdout);
        Assert.Contains("empty: Error: images/empty.jpg: empty file (0 bytes)", result.Stdout);
        Assert.Contains("Photos without a mask (1)", result.Stdout);
        Assert.Contains("images/orphan.jpg", result.Stdout);
    }

    [Fact]
    public async Task A_md_report_is_markdown_for_ci_to_post()
    {
        using var temp = new TempDirectory();
        WritePairs(temp.Path, 2);
        File.WriteAllBytes(temp.Combine("images", "typo.jph"), [1]);

        var result = await CliRunner.RunAsync(temp.Path, "data", "validate", "--report", "qa-report.md");

        Assert.Equal(ExitCodes.DataValidationFailed, result.ExitCode);
        var markdown = File.ReadAllText(temp.Combine("qa-report.md"));
        Assert.StartsWith("## Data quality: FAIL", markdown, StringComparison.Ordinal);
        Assert.Contains("### Error: Files that are not .jpg, .jpeg or .png (1)", markdown);
        Assert.Contains("- `images/typo.jph: unsupported file type '.jph' (expected .jpg, .jpeg or .png)`", markdown);
    }

    internal static void WritePairs(string root, int count)
    {
        Directory.CreateDirectory(Path.Combine(root, "images"));
        Directory.CreateDirectory(Path.Combine(root, "masks"));
        for (var i = 0; i < count; i++)
        {
            File.WriteAllBytes(Path.Combine(root, "images", $"p{i}.jpg"), EncodedImages.Jpeg(64, 48, EncodedImages.Photo(i)));
            File.WriteAllBytes(Path.Combine(root, "masks", $"p{i}.png"), EncodedImages.GreyPng(64, 48, EncodedImages.Box(10 + i, 10, 40 + i, 24)));
        }
    }
}
