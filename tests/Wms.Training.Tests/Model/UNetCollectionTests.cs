using TorchSharp.Modules;
using Wms.Training.Model;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Model;

[Collection(Collector.Alone)]
public sealed class UNetCollectionTests
{
    private const int Passes = 300;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Training_passes_survive_collections_on_another_thread_and_count_every_batch(bool bfloat16)
    {
        // Before: TorchSharp's BatchNorm2d counted batches with num_batches_tracked.add_(1), an
        // implicit scalar that a collection could free mid-call; a CI run failed with "For integral
        // input tensors, argument alpha must not be a floating point number".
        using var model = new UNet(baseFilters: 2) { BFloat16 = bfloat16 };
        model.train();
        using var photos = rand(2, 3, 32, 32, generator: new Generator(3));

        using (new Collector())
        {
            for (var pass = 0; pass < Passes; pass++)
            {
                using var scope = NewDisposeScope();
                model.call(photos);
            }
        }

        var norms = model.modules().OfType<BatchNorm2d>().ToList();
        Assert.Equal(18, norms.Count);
        Assert.All(norms, norm => Assert.Equal(Passes, norm.num_batches_tracked!.item<long>()));
    }

    [Fact]
    public void Evaluation_passes_leave_the_running_statistics_alone()
    {
        using var model = new UNet(baseFilters: 2);
        using var photos = rand(2, 3, 32, 32, generator: new Generator(3));
        model.train();
        using (NewDisposeScope()) model.call(photos);
        var before = RunningMeans(model);

        model.eval();
        using (NewDisposeScope()) model.call(photos);

        Assert.Equal(before, RunningMeans(model));
        Assert.All(model.modules().OfType<BatchNorm2d>(), norm => Assert.Equal(1, norm.num_batches_tracked!.item<long>()));
    }

    private static float[] RunningMeans(UNet model) =>
        model.modules().OfType<BatchNorm2d>().SelectMany(norm => norm.running_mean!.data<float>().ToArray()).ToArray();
}
