using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests;

public sealed class RootCommandTests
{
    [Fact]
    public async Task Help_lists_every_exit_code()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "--help");
        Assert.Equal(ExitCodes.Success, result.ExitCode);
        foreach (var (code, meaning) in ExitCodes.Documented)
            Assert.Contains($"{code,3}  {meaning}", result.Stdout + result.Stderr);
    }

    [Fact]
    public async Task An_unknown_option_is_invalid_usage_not_a_generic_failure()
    {
        using var temp = new TempDirectory();
        var result = await CliRunner.RunAsync(temp.Path, "--no-such-option");
        Assert.Equal(ExitCodes.InvalidUsage, result.ExitCode);
        Assert.Contains("--no-such-option", result.Stderr);
    }
}
