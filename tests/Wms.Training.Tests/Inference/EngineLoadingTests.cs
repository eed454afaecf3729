using Wms.Core;
using Wms.Core.Inference;
using Wms.Training.Onnx;
using Wms.Training.Tests.Onnx;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Training.Tests.Inference;

/// <summary>What the engine refuses to load, and how it finds the image size.</summary>
public sealed class EngineLoadingTests
{
    [Fact]
    public void A_file_that_is_not_ONNX_is_refused_naming_it()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("broken.onnx");
        File.WriteAllText(path, "this is not a protobuf");

        var error = Assert.Throws<WmsException>(() => SegmentationEngine.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not a loadable ONNX model", error.Message);
    }

    [Fact]
    public void An_ONNX_model_that_is_not_the_U_Net_is_refused_naming_it()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("relu.onnx");
        File.WriteAllBytes(path, NotAUNet());

        var error = Assert.Throws<WmsException>(() => SegmentationEngine.Load(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("not a segmentation U-Net", error.Message);
    }

    [Fact]
    public void A_truncated_model_file_in_a_folder_is_refused_by_its_hash()
    {
        using var temp = new TempDirectory();
        using var model = TrainedUNet.Create(seed: 4);
        var folder = temp.Combine("model");
        ModelFolderExporter.Export(model, folder);
        var onnx = Path.Combine(folder, "model.onnx");
        var bytes = File.ReadAllBytes(onnx);
        File.WriteAllBytes(onnx, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<WmsException>(() => SegmentationEngine.Load(folder));

        Assert.Contains(onnx, error.Message);
    }

    [Fact]
    public void A_bare_ONNX_file_takes_its_image_size_from_the_model_metadata()
    {
        using var temp = new TempDirectory();
        using var model = TrainedUNet.Create(seed: 4);
        var path = temp.Combine("small.onnx");
        UNetOnnxExporter.Save(model, path, imageSize: 96);

        using var engine = SegmentationEngine.Load(path, new InferenceOptions { IntraOpThreads = 1 });

        Assert.Equal(96, engine.ImageSize);
        var prediction = engine.Predict(TestImages.Meter(200, 150, seed: 1));
        Assert.Equal((512, 512), (prediction.Mask.Width, prediction.Mask.Height));
        Assert.Null(prediction.PhotoMask);
    }

    /// <summary>A valid ONNX model with a 5-channel input: loadable, but not ours.</summary>
    private static byte[] NotAUNet()
    {
        var graph = new OnnxGraphBuilder();
        graph.Node("Relu", "out", ["in"]);
        OnnxValueInfo Value(string name) => new(name, OnnxDataType.Float,
            [OnnxDimension.Dynamic("n"), OnnxDimension.Fixed(5), OnnxDimension.Fixed(8), OnnxDimension.Fixed(8)]);
        var model = new OnnxModel("relu", graph.Nodes, graph.Initializers, [Value("in")], [Value("out")],
            new Dictionary<string, string>(), "not a U-Net");
        return OnnxProtoWriter.Write(model, "test");
    }
}
