using System.Reflection;
using Wms.Core;
using Wms.Core.Imaging;
using Wms.Core.Models;
using Wms.Training.Model;

namespace Wms.Training.Onnx;

/// <summary>
/// Writes the U-Net as an ONNX model without Python: BatchNorm folded into the convolutions
/// (eval-mode running statistics), opset 17, input <c>input</c> float32 [batch, 3, height, width]
/// and output <c>logits</c> float32 [batch, 1, height, width], every dimension but the channels
/// dynamic. Each upsampling is a bilinear <c>Resize</c> (half_pixel, as PyTorch's
/// align_corners=False) to the skip tensor's own height and width, so any input of at least 16
/// pixels a side works exactly as in TorchSharp, odd sizes included (the pools floor).
/// </summary>
public static class UNetOnnxExporter
{
    private const string ProducerVersion = "1";

    /// <summary>The model's current weights as ONNX bytes. <paramref name="imageSize"/> is recorded for consumers.</summary>
    public static byte[] Export(UNet model, int imageSize = Preprocessing.DefaultSize) =>
        Export(UNetWeights.From(model), imageSize);

    /// <summary>Same, from a state_dict already copied out (keys as PyTorch's).</summary>
    public static byte[] Export(IReadOnlyDictionary<string, WeightTensor> weights, int imageSize = Preprocessing.DefaultSize)
    {
        var graph = new OnnxGraphBuilder();
        var layers = new UNetOnnxLayers(graph, weights);

        var skips = new List<string>();
        var x = ModelContract.InputName;
        for (var i = 0; i < UNet.EncoderBlocks.Count; i++)
        {
            x = layers.DoubleConv(UNet.EncoderBlocks[i], x);
            skips.Add(x);
            x = layers.MaxPool($"pool{i + 1}", x);
        }
        x = layers.DoubleConv("bottleneck", x);
        for (var i = 0; i < UNet.DecoderBlocks.Count; i++)
            x = layers.UpAndDoubleConv(UNet.DecoderBlocks[i], x, skips[^(i + 1)]);
        layers.Conv("final", ModelContract.OutputName, x, pads: 0);

        var model = new OnnxModel(
            GraphName: "water_meter_unet",
            Nodes: graph.Nodes,
            Initializers: graph.Initializers,
            Inputs: [Tensor(ModelContract.InputName, ModelContract.InputChannels)],
            Outputs: [Tensor(ModelContract.OutputName, ModelContract.OutputChannels)],
            Metadata: new Dictionary<string, string>
            {
                [ModelContract.ImageSizeMetadataKey] = imageSize.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [ModelContract.ThresholdMetadataKey] = "0.5",
            },
            DocString: "Water-meter counter segmentation U-Net. Input: RGB photo preprocessed as wms does " +
                       $"(Pillow bilinear resize to {imageSize}x{imageSize}, 2-98 percentile stretch, 3x3 median, /255). " +
                       "Output: logits; the counter is where sigmoid(logit) > 0.5.");
        return OnnxProtoWriter.Write(model, Assembly.GetExecutingAssembly().GetName().Version?.ToString() ?? ProducerVersion);
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

    private static OnnxValueInfo Tensor(string name, int channels) => new(name, OnnxDataType.Float,
        [OnnxDimension.Dynamic("batch"), OnnxDimension.Fixed(channels), OnnxDimension.Dynamic("height"), OnnxDimension.Dynamic("width")]);
}
