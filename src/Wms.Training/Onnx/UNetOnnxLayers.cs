namespace Wms.Training.Onnx;

/// <summary>The U-Net's blocks as float ONNX nodes (the FP32 export). Each ReLU's output is named <c>{block}.relu1|2</c>.</summary>
internal sealed class UNetOnnxLayers(OnnxGraphBuilder graph, UNetLayerWeights weights) : IUNetLayers
{
    public string Input(string input) => input;

    public string DoubleConv(string block, string x)
    {
        x = AddConv($"{block}.conv1", x, weights.DoubleConv(block, 1), pads: 1);
        x = graph.Node("Relu", $"{block}.relu1", [x]);
        x = AddConv($"{block}.conv2", x, weights.DoubleConv(block, 2), pads: 1);
        return graph.Node("Relu", $"{block}.relu2", [x]);
    }

    public string MaxPool(string name, string x) => graph.Node("MaxPool", name, [x], PoolAttributes);

    public string UpAndDoubleConv(string block, string x, string skip)
    {
        var up = Upsample(graph, block, x, x, skip);
        var joined = graph.Node("Concat", $"{block}.concat", [up, skip], OnnxAttribute.Int("axis", 1));
        return DoubleConv(block, joined);
    }

    public string Final(string output, string x) => AddConv(output, x, weights.Final(), pads: 0);

    public static OnnxAttribute[] PoolAttributes => [OnnxAttribute.Ints("kernel_shape", 2, 2), OnnxAttribute.Ints("strides", 2, 2)];

    /// <summary>
    /// Bilinear <c>Resize</c> of <paramref name="x"/> (half_pixel, as PyTorch's align_corners=False)
    /// to the height and width of the skip tensor. The shapes are read from
    /// <paramref name="xShape"/> (shaped as x) and <paramref name="skipShape"/> (as the skip): the
    /// INT8 graph reads them from the quantized tensors so the float ones keep one consumer each.
    /// </summary>
    public static string Upsample(OnnxGraphBuilder graph, string block, string x, string xShape, string skipShape)
    {
        var batchAndChannels = graph.Node("Shape", $"{block}.x_shape", [xShape], OnnxAttribute.Int("end", 2));
        var skipHeightWidth = graph.Node("Shape", $"{block}.skip_shape", [skipShape], OnnxAttribute.Int("start", 2));
        var sizes = graph.Node("Concat", $"{block}.sizes", [batchAndChannels, skipHeightWidth], OnnxAttribute.Int("axis", 0));
        // Empty names skip Resize's optional roi and scales inputs.
        return graph.Node("Resize", $"{block}.up", [x, "", "", sizes],
            OnnxAttribute.Text("mode", "linear"), OnnxAttribute.Text("coordinate_transformation_mode", "half_pixel"));
    }

    private string AddConv(string name, string x, ConvWeights conv, int pads)
    {
        var w = graph.Constant(OnnxTensor.Float($"{name}.weight", conv.Shape, conv.Weight));
        var b = graph.Constant(OnnxTensor.Float($"{name}.bias", [conv.OutputChannels], conv.Bias));
        return graph.Node("Conv", name, [x, w, b], conv.Attributes(pads));
    }
}
