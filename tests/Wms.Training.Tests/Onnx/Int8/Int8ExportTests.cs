using Microsoft.ML.OnnxRuntime;
using Wms.Core.Models;
using Wms.Training.Onnx;
using Xunit;

namespace Wms.Training.Tests.Onnx.Int8;

/// <summary>The static INT8 graph keeps the FP32 graph's contract and follows its logits and masks, through the real ONNX Runtime.</summary>
[Collection(Int8ModelFixture.Collection)]
public sealed class Int8ExportTests(Int8ModelFixture fixture)
{
    [Fact]
    public void Int8_graph_has_the_fp32_input_and_output_contract()
    {
        using var session = new InferenceSession(fixture.Int8);
        var (input, inputMeta) = session.InputMetadata.Single();
        var (output, outputMeta) = session.OutputMetadata.Single();
        Assert.Equal((ModelContract.InputName, ModelContract.OutputName), (input, output));
        Assert.Equal(typeof(float), inputMeta.ElementType);
        Assert.Equal(typeof(float), outputMeta.ElementType);
        Assert.Equal(new[] { -1, 3, -1, -1 }, inputMeta.Dimensions);
        Assert.Equal(new[] { -1, 1, -1, -1 }, outputMeta.Dimensions);
        var metadata = session.ModelMetadata.CustomMetadataMap;
        Assert.Equal(ModelContract.Int8Precision, metadata[ModelContract.PrecisionMetadataKey]);
        Assert.Equal("128", metadata[ModelContract.ImageSizeMetadataKey]);
    }

    [Fact]
    public void Calibration_records_every_relu_with_a_non_negative_range()
    {
        // 9 DoubleConv blocks, 2 ReLUs each.
        Assert.Equal(18, fixture.Ranges.Count);
        Assert.All(fixture.Ranges.Values, r => Assert.True(r.Min >= 0 && r.Max > 0, $"{r}"));
    }

    [Fact]
    public void Int8_logits_and_masks_follow_fp32_on_photos_outside_the_calibration_set()
    {
        var inputs = Enumerable.Range(10, 4).Select(Int8ModelFixture.Input).ToList();
        var agreement = Int8Agreement.Measure(fixture.Fp32, fixture.Int8, inputs, Int8ModelFixture.Size, threads: 2);
        var spread = LogitSpread(inputs[0]);
        TestContext.Current.TestOutputHelper?.WriteLine($"{agreement}; fp32 logit spread {spread}");

        // Stated tolerance: on average within 2% of the logits' spread, nowhere beyond 25% of it.
        Assert.True(agreement.MeanLogitDifference <= 0.02 * spread, $"{agreement}, spread {spread}");
        Assert.True(agreement.MaxLogitDifference <= 0.25 * spread, $"{agreement}, spread {spread}");
        Assert.True(agreement.MinDice >= 0.98, $"{agreement}");
    }

    [Fact]
    public void Int8_masks_are_not_trivially_equal()
    {
        // The agreement above means something only if the FP32 mask has both classes.
        var logits = Run(fixture.Fp32, Int8ModelFixture.Input(10));
        var coverage = logits.Count(l => l > 0) / (double)logits.Length;
        Assert.InRange(coverage, 0.02, 0.98);
    }

    [Fact]
    public void Onnx_runtime_runs_the_convolutions_as_qlinearconv()
    {
        var ops = Int8Profiling.KernelOps(fixture.Int8, Int8ModelFixture.Input(10), Int8ModelFixture.Size);
        TestContext.Current.TestOutputHelper?.WriteLine(string.Join(", ", ops.Select(o => $"{o.Key} x{o.Value}")));

        // 18 3x3 convolutions fused; only the final 1x1 (float logits) stays a float Conv.
        Assert.Equal(18, ops.GetValueOrDefault("QLinearConv"));
        Assert.Equal(1, ops.Where(o => o.Key.EndsWith("Conv", StringComparison.Ordinal) && o.Key != "QLinearConv").Sum(o => o.Value));
    }

    private float LogitSpread(float[] input)
    {
        var logits = Run(fixture.Fp32, input);
        return logits.Max() - logits.Min();
    }

    internal static float[] Run(byte[] onnx, float[] input)
    {
        using var session = new InferenceSession(onnx);
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, 3, Int8ModelFixture.Size, Int8ModelFixture.Size]);
        using var outputs = session.Run(new RunOptions(), [ModelContract.InputName], [value], [ModelContract.OutputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
