using Wms.Core;

namespace Wms.Training.Onnx;

/// <summary>
/// The U-Net's blocks in QDQ form, the static INT8 format ONNX Runtime's CPU provider turns into
/// QLinearConv and QLinearConcat. Tensors passed between blocks are the uint8 outputs of
/// QuantizeLinear; each float consumer gets its own DequantizeLinear, as the runtime's fusions
/// want. Each ReLU's output is quantized with its calibrated range (<see cref="Int8Calibration"/>,
/// keyed by the FP32 graph's tensor names); MaxPool runs on the uint8 tensor (a max is exact).
/// Resize stays float between DQ and Q: ONNX Runtime 1.31's uint8 Resize truncates instead of
/// rounding (about -0.4 of a step on every upsampled value, which took the mean mask Dice against
/// FP32 on real photos from 0.99 to 0.96) and was no faster. The final 1x1 convolution writes
/// float logits, so the threshold works as in the FP32 graph.
/// </summary>
internal sealed class UNetQdqLayers(OnnxGraphBuilder graph, UNetLayerWeights weights, IReadOnlyDictionary<string, ActivationRange> ranges)
    : IUNetLayers
{
    private readonly Dictionary<string, QuantizedTensor> _tensors = new(StringComparer.Ordinal);

    public string Input(string input) => Quantize(input, input, QuantizationParameters.UnitInterval);

    public string DoubleConv(string block, string x)
    {
        x = ConvRelu($"{block}.conv1", $"{block}.relu1", x, weights.DoubleConv(block, 1));
        return ConvRelu($"{block}.conv2", $"{block}.relu2", x, weights.DoubleConv(block, 2));
    }

    public string MaxPool(string name, string x) => Keep(graph.Node("MaxPool", name, [x], UNetOnnxLayers.PoolAttributes), x);

    public string UpAndDoubleConv(string block, string x, string skip)
    {
        // Float Resize between DQ and Q (see the class comment); its output keeps x's quantization.
        var resized = UNetOnnxLayers.Upsample(graph, block, Dequantize(x, $"{block}.up"), x, skip);
        var up = Keep(graph.Node("QuantizeLinear", $"{resized}.quantized", [resized, _tensors[x].Scale, _tensors[x].ZeroPoint]), x);
        var joined = graph.Node("Concat", $"{block}.concat", [Dequantize(up, $"{block}.concat"), Dequantize(skip, $"{block}.concat")],
            OnnxAttribute.Int("axis", 1));
        return DoubleConv(block, Quantize(joined, joined, _tensors[x].Parameters.Union(_tensors[skip].Parameters)));
    }

    public string Final(string output, string x) =>
        QdqConvolution.Add(graph, output, Dequantize(x, output), _tensors[x].Parameters.Scale, weights.Final(), pads: 0);

    private string ConvRelu(string convName, string reluName, string x, ConvWeights conv)
    {
        var convolved = QdqConvolution.Add(graph, convName, Dequantize(x, convName), _tensors[x].Parameters.Scale, conv, pads: 1);
        var relu = graph.Node("Relu", reluName, [convolved]);
        var range = ranges.TryGetValue(reluName, out var r) ? r
            : throw new WmsException($"calibration has no range for '{reluName}': not this U-Net's activations");
        return Quantize(relu, reluName, QuantizationParameters.FromRange(range.Min, range.Max));
    }

    /// <returns>The uint8 tensor.</returns>
    private string Quantize(string x, string name, QuantizationParameters parameters)
    {
        var scale = graph.Constant(OnnxTensor.Float($"{name}.scale", [], [parameters.Scale]));
        var zeroPoint = graph.Constant(OnnxTensor.UInt8($"{name}.zero_point", [], [parameters.ZeroPoint]));
        var q = graph.Node("QuantizeLinear", $"{name}.quantized", [x, scale, zeroPoint]);
        _tensors[q] = new QuantizedTensor(scale, zeroPoint, parameters);
        return q;
    }

    /// <summary>Records that uint8 <paramref name="output"/> (of MaxPool, Resize) is quantized as <paramref name="input"/>.</summary>
    private string Keep(string output, string input)
    {
        _tensors[output] = _tensors[input];
        return output;
    }

    /// <summary>A DequantizeLinear of uint8 <paramref name="q"/> for one consumer.</summary>
    private string Dequantize(string q, string consumer)
    {
        var quantization = _tensors[q];
        return graph.Node("DequantizeLinear", $"{q}.dequantized_for.{consumer}", [q, quantization.Scale, quantization.ZeroPoint]);
    }
}
