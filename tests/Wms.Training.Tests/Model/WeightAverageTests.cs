using Wms.Training.Model;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Model;

public sealed class WeightAverageTests
{
    [Fact]
    public void Each_update_moves_the_average_by_one_minus_the_decay_towards_the_weights()
    {
        using var model = new UNet();
        var weight = model.state_dict()["final.bias"];
        using var _ = no_grad();
        weight.fill_(2);
        using var average = new WeightAverage(model, decay: 0.75);

        weight.fill_(10);
        average.Update();
        average.Update();
        average.Swap();

        // 2 -> 2 + 0.25 * 8 = 4 -> 4 + 0.25 * 6 = 5.5
        Assert.Equal(5.5f, weight.item<float>(), 5);
    }

    [Fact]
    public void Swapping_puts_the_average_in_the_model_and_swapping_again_puts_the_weights_back()
    {
        using var model = new UNet();
        model.eval();
        using var photo = rand(1, 3, 32, 32);
        using var before = model.call(photo).detach();
        using var average = new WeightAverage(model, decay: 0.5);
        using (no_grad())
        {
            foreach (var p in model.parameters()) p.mul_(KeptScalars.Two);
            foreach (var (name, t) in model.state_dict()) if (name.EndsWith("running_var", StringComparison.Ordinal)) t.mul_(KeptScalars.Two);
        }
        using var trained = model.call(photo).detach();

        average.Swap();
        using var averaged = model.call(photo).detach();
        average.Swap();
        using var back = model.call(photo).detach();

        Assert.True(averaged.Equals(before), "the average, never updated, is the weights it started from");
        Assert.True(back.Equals(trained), "swapping back restores the trained weights");
        Assert.False(trained.Equals(before));
    }
}
