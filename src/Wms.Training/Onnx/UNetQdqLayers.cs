using Wms.Core;

namespace Wms.Training.Onnx;

/// <summary>
/// The U-Net's blocks in QDQ form (QuantizeLinear then DequantizeLinear around every activation),
/// the static INT8 format ONNX Runtime's CPU provider turns into QLinearConv, uint8 MaxPool and
/// Resize, and QLinearConcat. Each ReLU's output is quantized with its calibrated range
/// (<see cref="Int8Calibration"/>, keyed by the FP32 graph's tensor names); MaxPool and Resize keep
/// their input's quantization, so the runtime drops their QDQ pairs; the final 1x1 convolution
/// writes float logits, so the threshold works as in the FP32 graph.
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

    public string MaxPool(string name, string x) =>
        Requantize(graph.Node("MaxPool", name, [x], UNetOnnxLayers.PoolAttributes), _tensors[x]);

    public string UpAndDoubleConv(string block, string x, string skip)
    {
        var (low, high) = (_tensors[x], _tensors[skip]);
        var up = Requantize(UNetOnnxLayers.Upsample(graph, block, x, low.Quantized, high.Quantized), low);
        var joined = graph.Node("Concat", $"{block}.concat", [up, skip], OnnxAttribute.Int("axis", 1));
        return DoubleConv(block, Quantize(joined, joined, low.Parameters.Union(high.Parameters)));
    }

    public string Final(string output, string x) => QdqConvolution.Add(graph, output, _tensors[x], weights.Final(), pads: 0);

    private string ConvRelu(string convName, string reluName, string x, ConvWeights conv)
    {
        var convolved = QdqConvolution.Add(graph, convName, _tensors[x], conv, pads: 1);
        var relu = graph.Node("Relu", reluName, [convolved]);
        var range = ranges.TryGetValue(reluName, out var r) ? r
            : throw new WmsException($"calibration has no range for '{reluName}': not this U-Net's activations");
        return Quantize(relu, reluName, QuantizationParameters.FromRange(range.Min, range.Max));
    }

    private string Quantize(string x, string name, QuantizationParameters parameters)
    {
        var scale = graph.Constant(OnnxTensor.Float($"{name}.scale", [], [parameters.Scale]));
        var zeroPoint = graph.Constant(OnnxTensor.UInt8($"{name}.zero_point", [], [parameters.ZeroPoint]));
        return Add(x, name, new QuantizedTensor("", "", scale, zeroPoint, parameters));
    }

    /// <summary>Quantizes an op's output exactly as its input was (MaxPool and Resize keep the range).</summary>
    private string Requantize(string x, QuantizedTensor like) => Add(x, x, like);

    private string Add(string x, string name, QuantizedTensor quantization)
    {
        var q = graph.Node("QuantizeLinear", $"{name}.quantized", [x, quantization.Scale, quantization.ZeroPoint]);
        var dq = graph.Node("DequantizeLinear", $"{name}.dequantized", [q, quantization.Scale, quantization.ZeroPoint]);
        _tensors[dq] = quantization with { Quantized = q, Dequantized = dq };
        return dq;
    }
}
