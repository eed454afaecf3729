namespace Wms.Training.Onnx;

/// <summary>
/// A convolution in QDQ form: int8 weights, symmetric per output channel (scale = max|w| /
/// <see cref="WeightLimit"/>, zero point 0), and int32 bias at scale input_scale * weight_scale,
/// each behind a DequantizeLinear. With a uint8 QDQ input and output ONNX Runtime runs it as one
/// QLinearConv.
/// </summary>
/// <remarks>
/// Weights use 7 bits (-63..63), as onnxruntime's quantizer does with <c>reduce_range</c>: on x86
/// CPUs without VNNI (AVX2 only, such as AMD Zen 3) ONNX Runtime multiplies uint8 by int8 with
/// <c>vpmaddubsw</c>, whose pairwise sums saturate at 32767; 255 x 127 x 2 overflows, 255 x 63 x 2
/// does not. Measured on such a CPU, full-range weights let the INT8 masks drift from FP32's
/// (Dice 0.965 at the hardest threshold, the test below 0.98 failed); with VNNI either works.
/// </remarks>
internal static class QdqConvolution
{
    private const int WeightLimit = 63;

    /// <param name="input">The dequantized input; <paramref name="inputScale"/> its scale.</param>
    public static string Add(OnnxGraphBuilder graph, string name, string input, float inputScale, ConvWeights conv, int pads)
    {
        var channels = conv.OutputChannels;
        var perChannel = conv.Weight.Length / channels;
        var weightScale = new float[channels];
        var weight = new sbyte[conv.Weight.Length];
        var biasScale = new float[channels];
        var bias = new int[channels];
        for (var c = 0; c < channels; c++)
        {
            var filter = conv.Weight.AsSpan(c * perChannel, perChannel);
            var max = 0f;
            foreach (var w in filter) max = Math.Max(max, Math.Abs(w));
            // A dead filter (all zero): any scale stores it exactly.
            weightScale[c] = max > 0 ? max / WeightLimit : 1f;
            for (var i = 0; i < perChannel; i++)
                weight[c * perChannel + i] = (sbyte)Math.Clamp(Math.Round(filter[i] / weightScale[c]), -WeightLimit, WeightLimit);
            biasScale[c] = inputScale * weightScale[c];
            bias[c] = (int)Math.Clamp(Math.Round(conv.Bias[c] / (double)biasScale[c]), int.MinValue, int.MaxValue);
        }

        var w8 = Dequantize(graph, $"{name}.weight",
            OnnxTensor.Int8($"{name}.weight_quantized", conv.Shape, weight),
            OnnxTensor.Float($"{name}.weight_scale", [channels], weightScale),
            OnnxTensor.Int8($"{name}.weight_zero_point", [channels], new sbyte[channels]));
        var b32 = Dequantize(graph, $"{name}.bias",
            OnnxTensor.Int32($"{name}.bias_quantized", [channels], bias),
            OnnxTensor.Float($"{name}.bias_scale", [channels], biasScale),
            OnnxTensor.Int32($"{name}.bias_zero_point", [channels], new int[channels]));
        return graph.Node("Conv", name, [input, w8, b32], conv.Attributes(pads));
    }

    private static string Dequantize(OnnxGraphBuilder graph, string name, OnnxTensor values, OnnxTensor scale, OnnxTensor zeroPoint) =>
        graph.Node("DequantizeLinear", name, [graph.Constant(values), graph.Constant(scale), graph.Constant(zeroPoint)],
            OnnxAttribute.Int("axis", 0));
}
