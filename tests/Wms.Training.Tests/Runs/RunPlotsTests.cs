using Wms.Training.Runs;
using Xunit;

namespace Wms.Training.Tests.Runs;

public sealed class RunPlotsTests
{
    [Theory]
    [InlineData(LossKind.Bce, "BCE with logits")]
    [InlineData(LossKind.BceDice, "BCE + (1 - soft Dice)")]
    [InlineData(LossKind.BceTversky, "BCE + (1 - soft Tversky)")]
    public void Loss_plot_names_the_loss_the_run_minimised(LossKind loss, string label) =>
        Assert.Equal(label, RunPlots.LossLabel(loss));

    [Fact]
    public void Every_loss_has_its_own_plot_label() =>
        Assert.Equal(Enum.GetValues<LossKind>().Length, Enum.GetValues<LossKind>().Select(RunPlots.LossLabel).Distinct().Count());
}
