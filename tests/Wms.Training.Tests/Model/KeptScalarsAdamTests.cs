using TorchSharp.Modules;
using Wms.Training.Model;
using Xunit;
using static TorchSharp.torch;

namespace Wms.Training.Tests.Model;

[Collection(Collector.Alone)]
public sealed class KeptScalarsAdamTests
{
    [Fact]
    public void Updates_parameters_exactly_as_TorchSharp_Adam_does()
    {
        var ours = Train(parameters => new KeptScalarsAdam(parameters, 1e-2, 1e-4), steps: 5);
        var theirs = Train(parameters => optim.Adam(parameters, 1e-2, weight_decay: 1e-4), steps: 5);

        Assert.Equal(theirs, ours);
    }

    [Fact]
    public void Collections_on_another_thread_neither_fail_nor_change_a_step()
    {
        // Before: TorchSharp's Adam failed here within a few hundred steps ("Expected false to be
        // true" from c10::Scalar::toFloat), as it failed a training run in CI.
        const int Steps = 1000;
        var undisturbed = Train(parameters => new KeptScalarsAdam(parameters, 1e-3, 1e-4), Steps);

        float[] disturbed;
        using (new Collector()) disturbed = Train(parameters => new KeptScalarsAdam(parameters, 1e-3, 1e-4), Steps);

        Assert.Equal(undisturbed, disturbed);
    }

    /// <summary>64 small parameters after <paramref name="steps"/> steps on the sum of their squares, flattened.</summary>
    private static float[] Train(Func<Parameter[], optim.Optimizer> optimizer, int steps)
    {
        var generator = new Generator(7);
        var parameters = Enumerable.Range(0, 64).Select(_ => new Parameter(randn([8], generator: generator))).ToArray();
        using (var adam = optimizer(parameters))
        {
            for (var step = 0; step < steps; step++)
            {
                using var scope = NewDisposeScope();
                adam.zero_grad();
                cat(parameters.Select(p => p * p).ToArray()).sum().backward();
                adam.step();
            }
        }
        var values = parameters.SelectMany(p => p.data<float>().ToArray()).ToArray();
        foreach (var parameter in parameters) parameter.Dispose();
        return values;
    }
}
