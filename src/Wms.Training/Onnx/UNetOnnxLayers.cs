using Wms.Core;

namespace Wms.Training.Onnx;

/// <summary>The U-Net's building blocks as ONNX nodes, with weights taken (and BatchNorm folded) from the state_dict.</summary>
internal sealed class UNetOnnxLayers(OnnxGraphBuilder graph, IReadOnlyDictionary<string, WeightTensor> weights)
{
    /// <summary>Conv-BN-ReLU twice; the Sequential's indices 0,1 and 3,4 are the conv and BN keys.</summary>
    public string DoubleConv(string block, string x)
    {
        x = ConvBn($"{block}.0", $"{block}.1", $"{block}.conv1", x);
        x = graph.Node("Relu", $"{block}.relu1", [x]);
        x = ConvBn($"{block}.3", $"{block}.4", $"{block}.conv2", x);
        return graph.Node("Relu", $"{block}.relu2", [x]);
    }

    public string MaxPool(string name, string x) => graph.Node("MaxPool", name, [x],
        OnnxAttribute.Ints("kernel_shape", 2, 2), OnnxAttribute.Ints("strides", 2, 2));

    /// <summary>Bilinear upsampling of <paramref name="x"/> to the skip's height and width, concat, DoubleConv.</summary>
    public string UpAndDoubleConv(string block, string x, string skip)
    {
        var batchAndChannels = graph.Node("Shape", $"{block}.x_shape", [x], OnnxAttribute.Int("end", 2));
        var skipHeightWidth = graph.Node("Shape", $"{block}.skip_shape", [skip], OnnxAttribute.Int("start", 2));
        var sizes = graph.Node("Concat", $"{block}.sizes", [batchAndChannels, skipHeightWidth], OnnxAttribute.Int("axis", 0));
        // Empty names skip Resize's optional roi and scales inputs.
        var up = graph.Node("Resize", $"{block}.up", [x, "", "", sizes],
            OnnxAttribute.Text("mode", "linear"), OnnxAttribute.Text("coordinate_transformation_mode", "half_pixel"));
        var joined = graph.Node("Concat", $"{block}.concat", [up, skip], OnnxAttribute.Int("axis", 1));
        return DoubleConv(block, joined);
    }

    /// <summary>A plain convolution (the final 1x1) with its own weight and bias.</summary>
    public string Conv(string key, string name, string x, int pads)
    {
        var weight = Get($"{key}.weight");
        var bias = Get($"{key}.bias");
        return AddConv(name, x, weight.Shape, weight.Values, bias.Values, pads);
    }

    private string ConvBn(string convKey, string bnKey, string name, string x)
    {
        var weight = Get($"{convKey}.weight");
        var (folded, bias) = BatchNormFolding.Fold(weight, Get($"{convKey}.bias"),
            Get($"{bnKey}.weight"), Get($"{bnKey}.bias"), Get($"{bnKey}.running_mean"), Get($"{bnKey}.running_var"));
        return AddConv(name, x, weight.Shape, folded, bias, pads: 1);
    }

    private string AddConv(string name, string x, long[] shape, float[] weight, float[] bias, int pads)
    {
        var w = graph.Constant(OnnxTensor.Float($"{name}.weight", shape, weight));
        var b = graph.Constant(OnnxTensor.Float($"{name}.bias", [shape[0]], bias));
        return graph.Node("Conv", name, [x, w, b],
            OnnxAttribute.Ints("kernel_shape", shape[2], shape[3]),
            OnnxAttribute.Ints("pads", pads, pads, pads, pads),
            OnnxAttribute.Ints("strides", 1, 1),
            OnnxAttribute.Ints("dilations", 1, 1),
            OnnxAttribute.Int("group", 1));
    }

    private WeightTensor Get(string key) => weights.TryGetValue(key, out var value)
        ? value
        : throw new WmsException($"state_dict has no '{key}': not this U-Net's weights");
}
