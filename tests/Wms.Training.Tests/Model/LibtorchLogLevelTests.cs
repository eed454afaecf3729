using Wms.Training.Model;
using Xunit;

namespace Wms.Training.Tests.Model;

public sealed class LibtorchLogLevelTests
{
    [Theory]
    [InlineData("INFO", 0)]
    [InlineData("warning", 1)]
    [InlineData(" ERROR ", 2)]
    [InlineData("3", 3)]
    [InlineData("loud", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    public void The_level_is_read_as_PyTorch_spells_it(string? value, int? level) =>
        Assert.Equal(level, LibtorchLogLevel.Parse(value));

    [Fact]
    public void Once_libtorch_runs_it_logs_errors_only_unless_the_user_asked_for_more()
    {
        using var model = new UNet(baseFilters: 8); // every convolution runs in a U-Net, which applies the level when it is built
        var expected = LibtorchLogLevel.Parse(Environment.GetEnvironmentVariable(LibtorchLogLevel.Variable)) ?? LibtorchLogLevel.Error;
        Assert.Equal(expected, LibtorchLogLevel.Current);
    }
}
