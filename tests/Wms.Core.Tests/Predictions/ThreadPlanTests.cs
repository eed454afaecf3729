using Wms.Core.Predictions;
using Xunit;

namespace Wms.Core.Tests.Predictions;

public sealed class ThreadPlanTests
{
    [Fact]
    public void By_default_each_core_predicts_its_own_photo_on_one_thread() =>
        Assert.Equal(new ThreadPlan(4, 4, 1), ThreadPlan.For(threads: 4, photosInParallel: 0, photoCount: 100));

    [Fact]
    public void Zero_threads_means_every_core()
    {
        var plan = ThreadPlan.For(0, 0, 1000);
        Assert.Equal((Environment.ProcessorCount, Environment.ProcessorCount), (plan.Threads, plan.PhotosInParallel));
    }

    [Fact]
    public void Fewer_photos_than_cores_give_each_inference_more_threads() =>
        Assert.Equal(new ThreadPlan(4, 1, 4), ThreadPlan.For(4, 0, photoCount: 1));

    [Fact]
    public void An_explicit_parallelism_shares_the_threads() =>
        Assert.Equal(new ThreadPlan(8, 2, 4), ThreadPlan.For(8, 2, 10));

    [Theory]
    [InlineData(-1, 0, "--threads")]
    [InlineData(2, -3, "--parallel")]
    public void Negative_values_are_refused_naming_the_option(int threads, int parallel, string option)
    {
        var e = Assert.Throws<WmsException>(() => ThreadPlan.For(threads, parallel, 5));
        Assert.Contains(option, e.Message);
    }
}
