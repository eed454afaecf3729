using System.Diagnostics;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests;

/// <summary>A broken wms.json or a setting that does not convert: the real `wms` says so in one line and exits 2.</summary>
public sealed class ConfigurationErrorTests
{
    [Fact]
    public async Task A_wms_json_that_is_not_json_is_one_line_and_exit_2_even_for_help()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("wms.json"), "{");

        var (code, stdout, stderr) = await RunAsync(temp.Path, [], "--help");

        Assert.Equal(ExitCodes.InvalidUsage, code);
        Assert.Equal("", stdout);
        Assert.Equal($"error: Failed to load configuration from file '{temp.Combine("wms.json")}': Could not parse the JSON file.", stderr.Trim());
    }

    [Theory]
    [InlineData("Predict__MaskSize", "foo", "predict", "'foo' at 'Predict:MaskSize'")]
    [InlineData("MLFLOW_HTTP_REQUEST_MAX_RETRIES", "abc", "runs", "'abc' at 'MLFLOW_HTTP_REQUEST_MAX_RETRIES'")]
    public async Task A_setting_that_does_not_convert_names_its_key_with_exit_2_and_json_stays_clean(string variable, string value, string command, string expected)
    {
        using var temp = new TempDirectory();
        string[] args = command == "predict" ? ["predict", "x.jpg", "--model", "m", "--format", "json"] : ["runs", "list", "--format", "json"];

        var (code, stdout, stderr) = await RunAsync(temp.Path, [(variable, value)], args);

        Assert.Equal(ExitCodes.InvalidUsage, code);
        Assert.Equal("", stdout);
        Assert.Contains(expected, stderr);
        Assert.DoesNotContain("   at ", stderr);
    }

    private static async Task<(int Code, string Stdout, string Stderr)> RunAsync(string directory, (string, string)[] environment, params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "wms"))
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var variable in new[] { "MLFLOW_TRACKING_URI", "WMS_HOME", "Tracking__Root" }) info.Environment.Remove(variable);
        foreach (var (key, value) in environment) info.Environment[key] = value;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }
}
