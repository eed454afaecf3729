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

    [Fact]
    public void A_fifth_level_adds_enc5_and_dec5_and_its_weights_say_so()
    {
        using var original = new UNet();
        using var deeper = new UNet(depth: 5);
        var originalKeys = original.state_dict().Keys.ToList();
        var keys = deeper.state_dict().Keys.ToList();

        // The original's blocks keep their names; the bottleneck moves one level down.
        Assert.Equal(128 + 28, keys.Count);
        Assert.Equal(7_868_417, deeper.parameters().Sum(p => p.numel()));
        Assert.Contains("enc5.4.running_var", keys);
        Assert.Contains("dec5.0.weight", keys);
        Assert.Equal([512L, 256, 3, 3], deeper.state_dict()["bottleneck.0.weight"].shape);
        Assert.Equal([256L, 512 + 256, 3, 3], deeper.state_dict()["dec5.0.weight"].shape);
        Assert.Equal(4, UNet.DepthOf(originalKeys));
        Assert.Equal(5, UNet.DepthOf(keys));
        Assert.Null(UNet.DepthOf(["final.weight"]));
        Assert.Equal(["enc1", "enc2", "enc3", "enc4", "enc5"], UNet.EncoderBlocks(5));
        Assert.Equal(["dec5", "dec4", "dec3", "dec2", "dec1"], UNet.DecoderBlocks(5));
    }

    [Theory]
    [InlineData(4)]
    [InlineData(5)]
    public void Inside_another_module_the_U_Net_keeps_its_keys_under_the_outer_name(int depth)
    {
        using var model = new UNet(depth: depth);
        var own = model.state_dict().Keys.ToList();
        using var outer = nn.Sequential(("unet", model));
        Assert.Equal(own.Select(k => "unet." + k), outer.state_dict().Keys);
    }

    [Fact]
    public void The_original_state_dict_keeps_PyTorchs_key_order()
    {
        using var model = new UNet();
        var blocks = model.state_dict().Keys.Select(k => k.Split('.')[0]).Distinct().ToList();
        Assert.Equal(["enc1", "enc2", "enc3", "enc4", "bottleneck", "dec4", "dec3", "dec2", "dec1", "final"], blocks);
    }

    [Theory]
    [InlineData(64, 64, 4)]
    [InlineData(250, 333, 4)]
    [InlineData(64, 64, 5)]
    [InlineData(250, 333, 5)]
    public void Output_is_one_logit_channel_at_the_input_size(int height, int width, int depth)
    {
        using var model = new UNet(depth: depth);
        model.eval();
        using var _ = no_grad();
        using var x = rand(2, 3, height, width);
        using var y = model.call(x);
        Assert.Equal([2L, 1, height, width], y.shape);
    }
}
