using System.Globalization;
using System.Reflection;
using Wms.Core;
using Wms.Core.Imaging;
using Wms.Core.Inference;
using Wms.Core.Models;
using Wms.Training.Model;

namespace Wms.Training.Onnx;

/// <summary>
/// Writes the U-Net as an ONNX model without Python: BatchNorm folded into the convolutions
/// (eval-mode running statistics), opset 17, input <c>input</c> float32 [batch, 3, height, width]
/// and output <c>logits</c> float32 [batch, 1, height, width], every dimension but the channels
/// dynamic. Each upsampling is a bilinear <c>Resize</c> (half_pixel, as PyTorch's
/// align_corners=False) to the skip tensor's own height and width, so any input of at least 2^depth
/// pixels a side (16 for the original) works exactly as in TorchSharp, odd sizes included (the pools floor).
/// </summary>
public static class UNetOnnxExporter
{
    private const string ProducerVersion = "1";

    /// <summary>The model's current weights as ONNX bytes. <paramref name="imageSize"/> is recorded for consumers.</summary>
    public static byte[] Export(UNet model, int imageSize = Preprocessing.DefaultSize) =>
        Export(UNetWeights.From(model), imageSize);

    /// <summary>Same, from a state_dict already copied out (keys as PyTorch's).</summary>
    /// <param name="postprocess">Recorded as <see cref="ModelContract.PostprocessMetadataKey"/> when not none.</param>
    public static byte[] Export(IReadOnlyDictionary<string, WeightTensor> weights, int imageSize = Preprocessing.DefaultSize,
        MaskPostprocess postprocess = MaskPostprocess.None)
    {
        var graph = new OnnxGraphBuilder();
        var layerWeights = new UNetLayerWeights(weights);
        UNetGraph.Build(new UNetOnnxLayers(graph, layerWeights), layerWeights.Depth);
        return Write(graph, imageSize, ModelContract.Fp32Precision, [], postprocess);
    }

    /// <summary>
    /// The static INT8 (QDQ) graph with the same input and output as <see cref="Export(IReadOnlyDictionary{string, WeightTensor}, int)"/>;
    /// <paramref name="ranges"/> come from <see cref="Int8Calibration"/>.
    /// </summary>
    public static byte[] ExportInt8(IReadOnlyDictionary<string, WeightTensor> weights, IReadOnlyDictionary<string, ActivationRange> ranges,
        int imageSize = Preprocessing.DefaultSize, MaskPostprocess postprocess = MaskPostprocess.None)
    {
        var graph = new OnnxGraphBuilder();
        var layerWeights = new UNetLayerWeights(weights);
        UNetGraph.Build(new UNetQdqLayers(graph, layerWeights, ranges), layerWeights.Depth);
        return Write(graph, imageSize, ModelContract.Int8Precision, [], postprocess);
    }

    /// <summary>The FP32 graph with every ReLU's output also a graph output (named as the ReLU), for calibration.</summary>
    internal static (byte[] Onnx, IReadOnlyList<string> Activations) ExportWithActivations(IReadOnlyDictionary<string, WeightTensor> weights, int imageSize)
    {
        var graph = new OnnxGraphBuilder();
        var layerWeights = new UNetLayerWeights(weights);
        UNetGraph.Build(new UNetOnnxLayers(graph, layerWeights), layerWeights.Depth);
        var activations = graph.Nodes.Where(n => n.OpType == "Relu").Select(n => n.Name).ToList();
        var outputs = activations.Select(name => new OnnxValueInfo(name, OnnxDataType.Float,
            [.. new[] { "n", "c", "h", "w" }.Select(d => OnnxDimension.Dynamic($"{name}.{d}"))])).ToList();
        return (Write(graph, imageSize, ModelContract.Fp32Precision, outputs, MaskPostprocess.None), activations);
    }

    /// <summary>Exports and writes to <paramref name="path"/> through a temporary file.</summary>
    public static void Save(UNet model, string path, int imageSize = Preprocessing.DefaultSize)
    {
        var bytes = Export(model, imageSize);
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var temp = path + ".tmp";
        try
        {
            File.WriteAllBytes(temp, bytes);
            File.Move(temp, path, overwrite: true);
        }
        catch (IOException e)
        {
            throw new WmsException($"{path}: cannot write ONNX model ({e.Message})");
        }
    }

    private static byte[] Write(OnnxGraphBuilder graph, int imageSize, string precision, IReadOnlyList<OnnxValueInfo> extraOutputs,
        MaskPostprocess postprocess)
    {
        var metadata = new Dictionary<string, string>
        {
            [ModelContract.ImageSizeMetadataKey] = imageSize.ToString(CultureInfo.InvariantCulture),
            [ModelContract.ThresholdMetadataKey] = "0.5",
        };
        var quantized = precision != ModelContract.Fp32Precision;
        if (quantized) metadata[ModelContract.PrecisionMetadataKey] = precision;
        if (postprocess != MaskPostprocess.None) metadata[ModelContract.PostprocessMetadataKey] = MaskPostprocessNames.Of(postprocess);
        var model = new OnnxModel(
            GraphName: "water_meter_unet",
            Nodes: graph.Nodes,
            Initializers: graph.Initializers,
            Inputs: [Tensor(ModelContract.InputName, ModelContract.InputChannels)],
            Outputs: [Tensor(ModelContract.OutputName, ModelContract.OutputChannels), .. extraOutputs],
            Metadata: metadata,
            DocString: "Water-meter counter segmentation U-Net" + (quantized ? " (static INT8, QDQ)" : "") + ". Input: RGB photo preprocessed as wms does " +
                       $"(Pillow bilinear resize to {imageSize}x{imageSize}, 2-98 percentile stretch, 3x3 median, /255). " +
                       "Output: logits; the counter is where sigmoid(logit) > 0.5" +
                       (postprocess == MaskPostprocess.LargestRegion ? ", then only the largest 8-connected region of it." : "."));
        return OnnxProtoWriter.Write(model, Assembly.GetExecutingAssembly().GetName().Version?.ToString() ?? ProducerVersion);
    }

    private static OnnxValueInfo Tensor(string name, int channels) => new(name, OnnxDataType.Float,
        [OnnxDimension.Dynamic("batch"), OnnxDimension.Fixed(channels), OnnxDimension.Dynamic("height"), OnnxDimension.Dynamic("width")]);
}
