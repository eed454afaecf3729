using Wms.Cli.Pipeline;
using Wms.Training;
using Xunit;

namespace Wms.Cli.Tests.Pipeline;

/// <summary>What a pipeline run's steps are keyed by: a change that matters redoes them, one that does not, not.</summary>
public sealed class PipelineHashesTests : IDisposable
{
    private readonly PipelineWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public void The_config_hash_follows_the_config_and_the_seed_but_not_the_thread_count()
    {
        var options = new TrainingOptions();
        var hash = PipelineHashes.Config(options);

        Assert.Equal(hash, PipelineHashes.Config(options with { Threads = 7 }));
        Assert.NotEqual(hash, PipelineHashes.Config(options with { Seed = options.Seed + 1 }));
        Assert.NotEqual(hash, PipelineHashes.Config(options with { Epochs = options.Epochs + 1 }));
    }

    [Fact]
    public void The_config_hash_follows_the_starting_weights_bytes_not_their_path()
    {
        File.WriteAllBytes(_ws.Combine("a.pth"), [1, 2, 3]);
        File.WriteAllBytes(_ws.Combine("b.pth"), [1, 2, 3]);
        var options = new TrainingOptions();
        var fromA = PipelineHashes.Config(options with { InitialWeights = _ws.Combine("a.pth") });

        Assert.NotEqual(PipelineHashes.Config(options), fromA);
        Assert.Equal(fromA, PipelineHashes.Config(options with { InitialWeights = _ws.Combine("b.pth") }));
        File.WriteAllBytes(_ws.Combine("a.pth"), [1, 2, 4]);
        Assert.NotEqual(fromA, PipelineHashes.Config(options with { InitialWeights = _ws.Combine("a.pth") }));
        var missing = Assert.Throws<Wms.Core.WmsException>(() => PipelineHashes.Config(options with { InitialWeights = _ws.Combine("c.pth") }));
        Assert.Equal($"{_ws.Combine("c.pth")}: weights file not found", missing.Message);
    }

    [Fact]
    public void The_data_hash_follows_photos_and_masks_only()
    {
        _ws.Synth("data", 3, seed: 1);
        var ct = TestContext.Current.CancellationToken;
        var hash = PipelineHashes.Data(_ws.Combine("data"), ct);

        File.WriteAllText(_ws.Combine("data", ".gitignore"), "/images\n/masks\n");
        File.WriteAllText(_ws.Combine("data", "images.dvc"), "outs: []\n");
        Assert.Equal(hash, PipelineHashes.Data(_ws.Combine("data"), ct));

        var mask = Directory.GetFiles(_ws.Combine("data", "masks"))[0];
        File.Copy(Directory.GetFiles(_ws.Combine("data", "masks"))[1], mask, overwrite: true);
        Assert.NotEqual(hash, PipelineHashes.Data(_ws.Combine("data"), ct));
    }
}
