using Wms.Core;
using Wms.Training.Model;
using Wms.Tests.Shared;
using Xunit;
using static TorchSharp.torch;
using static TorchSharp.torch.nn;

namespace Wms.Training.Tests.Model;

public sealed class CheckpointTests
{
    [Theory]
    [InlineData("w.pth")]
    [InlineData("w.dat")]
    public void Weights_round_trip_exactly(string fileName)
    {
        using var temp = new TempDirectory();
        manual_seed(1);
        using var original = new UNet();
        // Running statistics must survive too, not only parameters.
        original.train();
        using (var x = rand(2, 3, 32, 32)) original.call(x).Dispose();
        Checkpoints.Save(original, temp.Combine(fileName));

        manual_seed(2);
        using var loaded = new UNet();
        Checkpoints.Load(loaded, temp.Combine(fileName));

        var expected = original.state_dict();
        var actual = loaded.state_dict();
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        foreach (var (key, tensor) in expected)
            Assert.True(tensor.allclose(actual[key], rtol: 0, atol: 0), $"{key} differs after the round trip");
    }

    [Theory]
    [InlineData("w.pth", 4, 16)]
    [InlineData("w.pth", 5, 16)]
    [InlineData("w.dat", 5, 16)]
    [InlineData("w.pth", 4, 24)]
    [InlineData("w.dat", 4, 32)]
    [InlineData("w.dat", 5, 8)]
    public void Open_builds_the_U_Net_of_the_depth_and_width_the_weights_have(string fileName, int depth, int baseFilters)
    {
        using var temp = new TempDirectory();
        manual_seed(3);
        using var original = new UNet(baseFilters: baseFilters, depth: depth);
        original.train();
        using (var x = rand(2, 3, 64, 64)) original.call(x).Dispose();
        Checkpoints.Save(original, temp.Combine(fileName));

        using var opened = Checkpoints.Open(temp.Combine(fileName));

        Assert.Equal((depth, baseFilters), (opened.Depth, opened.BaseFilters));
        foreach (var (key, tensor) in original.state_dict())
            Assert.True(tensor.allclose(opened.state_dict()[key], rtol: 0, atol: 0), $"{key} differs after opening");
    }

    [Fact]
    public void Open_of_a_file_that_is_not_weights_is_a_clear_error_naming_it()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("broken.pth");
        File.WriteAllText(path, "not a pickle");
        Assert.Contains(path, RefusedByOpen(path));
    }

    [Theory]
    [InlineData("w.dat")]
    [InlineData("w.pth")]
    public void Open_of_cut_short_weights_is_a_clear_error_naming_them(string fileName)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine(fileName);
        using (var model = new UNet()) Checkpoints.Save(model, path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        Assert.StartsWith($"{path}: not U-Net weights this program can load (", RefusedByOpen(path));
    }

    [Theory]
    [InlineData("other.pth")]
    [InlineData("other.dat")]
    public void Open_of_weights_of_another_network_says_what_is_missing(string fileName)
    {
        var (path, message) = RefusalOfSaved(fileName, () => Sequential(("conv", Conv2d(3, 8, 3))));

        Assert.Equal($"{path}: not U-Net weights this program can load (no 'enc1.0.weight' of 4 dimensions)", message);
    }

    [Theory]
    [InlineData("w.pth")]
    [InlineData("w.dat")]
    public void Open_refuses_a_width_the_program_does_not_build(string fileName)
    {
        var (path, message) = RefusalOfSaved(fileName, () => new UNet(baseFilters: 12));

        Assert.Equal($"{path}: not U-Net weights this program can load ('enc1.0.weight' has 12 output channels: the width must be a multiple of 8 from 8 to 64, not 12)", message);
    }

    [Fact]
    public void Open_refuses_weights_whose_shapes_would_only_broadcast_into_the_U_Net()
    {
        // A one-channel U-Net's first convolution, [16, 1, 3, 3], would be copied into every input
        // channel of [16, 3, 3, 3] without a word: a grey model silently run on colour photos.
        var (path, message) = RefusalOfSaved("grey.pth", () => new UNet(inputChannels: 1));

        Assert.Equal($"{path}: not U-Net weights this program can load ('enc1.0.weight' is [16, 1, 3, 3], the U-Net's is [16, 3, 3, 3])", message);
    }

    [Fact]
    public void Open_of_a_training_checkpoint_says_to_save_the_state_dict()
    {
        TestEnvironment.RequirePython("torch");
        using var temp = new TempDirectory();
        var path = temp.Combine("checkpoint.pth");
        var save = $"import torch; torch.save({{'model_state_dict': {{'enc1.0.weight': torch.zeros(16, 3, 3, 3)}}, 'epoch': 3}}, '{path}')";
        var (code, _, stderr) = TestEnvironment.Run(TestEnvironment.DebianPython, ["-c", save], TimeSpan.FromMinutes(1));
        Assert.True(code == 0, stderr);

        Assert.Contains("a dictionary holding other dictionaries, such as a training checkpoint, not a state_dict: save model.state_dict()", RefusedByOpen(path));
    }

    [Fact]
    public void Open_of_a_missing_file_is_not_found()
    {
        var error = Assert.Throws<WmsException>(() => Checkpoints.Open("/nonexistent/best.dat"));
        Assert.Equal(WmsErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public void A_file_that_is_not_weights_is_a_clear_error_naming_it()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("broken.pth");
        File.WriteAllText(path, "not a pickle");
        using var model = new UNet();
        var error = Assert.Throws<WmsException>(() => Checkpoints.Load(model, path));
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void A_missing_file_is_not_found()
    {
        using var model = new UNet();
        var error = Assert.Throws<WmsException>(() => Checkpoints.Load(model, "/nonexistent/best.pth"));
        Assert.Equal(WmsErrorKind.NotFound, error.Kind);
    }

    /// <summary>Saves what <paramref name="create"/> builds as <paramref name="fileName"/> in a fresh folder; Open's refusal of that file, and its path.</summary>
    private static (string Path, string Message) RefusalOfSaved(string fileName, Func<Module> create)
    {
        using var temp = new TempDirectory();
        var path = temp.Combine(fileName);
        using (var module = create()) Checkpoints.Save(module, path);
        return (path, RefusedByOpen(path));
    }

    /// <summary>Asserts that <see cref="Checkpoints.Open"/> refuses the file as invalid input; its message, for the test to check.</summary>
    private static string RefusedByOpen(string path)
    {
        var error = Assert.Throws<WmsException>(() => Checkpoints.Open(path));
        Assert.Equal(WmsErrorKind.InvalidInput, error.Kind);
        return error.Message;
    }
}
