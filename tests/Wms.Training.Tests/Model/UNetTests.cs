using TorchSharp;
using Wms.Training.Model;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Model;

public sealed class UNetTests
{
    [Fact]
    public void TorchSharp_loads_on_this_machine_and_the_model_has_the_original_shape()
    {
        // Fails (TypeInitializationException) if libLibTorchSharp.so cannot be loaded, e.g. when the
        // GLIBCXX_3.4.32 requirement was not weakened on a Debian 12 machine.
        using var model = new UNet();
        var parameters = model.parameters().Sum(p => p.numel());
        Assert.Equal(UNet.ParameterCount, parameters);

        var keys = model.state_dict().Keys.ToList();
        Assert.Equal(128, keys.Count);
        Assert.Contains("enc1.0.weight", keys);
        Assert.Contains("enc1.1.running_mean", keys);
        Assert.Contains("enc1.1.num_batches_tracked", keys);
        Assert.Contains("enc1.4.running_var", keys);
        Assert.Contains("bottleneck.3.weight", keys);
        Assert.Contains("dec1.4.bias", keys);
        Assert.Contains("final.weight", keys);
        Assert.Contains("final.bias", keys);
    }

    [Theory]
    [InlineData(64, 64)]
    [InlineData(250, 333)]
    public void Output_is_one_logit_channel_at_the_input_size(int height, int width)
    {
        using var model = new UNet();
        model.eval();
        using var _ = no_grad();
        using var x = rand(2, 3, height, width);
        using var y = model.call(x);
        Assert.Equal([2L, 1, height, width], y.shape);
    }
}
