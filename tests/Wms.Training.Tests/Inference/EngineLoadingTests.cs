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

    [Fact]
    public void A_model_folder_records_its_mask_post_processing_and_the_engine_applies_it()
    {
        using var temp = new TempDirectory();
        var folder = ExportAt64(temp, MaskPostprocess.LargestRegion);
        var bare = temp.Combine("bare.onnx");
        File.Copy(Path.Combine(folder, "model.onnx"), bare);
        var photo = TestImages.Meter(200, 150, seed: 3);

        using var engine = SegmentationEngine.Load(folder, new InferenceOptions { IntraOpThreads = 1 });
        using var fromMetadata = SegmentationEngine.Load(bare, new InferenceOptions { IntraOpThreads = 1 });
        using var raw = SegmentationEngine.Load(folder, new InferenceOptions { IntraOpThreads = 1, Postprocess = MaskPostprocess.None });

        Assert.Contains("\"postprocess\": \"largest_region\"", File.ReadAllText(Path.Combine(folder, "wms-model.json")));
        Assert.Equal((MaskPostprocess.LargestRegion, MaskPostprocess.LargestRegion), (engine.Postprocess, fromMetadata.Postprocess));
        var expected = raw.Predict(photo).Mask.Pixels;
        LargestRegion.Keep(expected, 512, 512);
        Assert.Equal(expected, engine.Predict(photo).Mask.Pixels);
        Assert.Equal(expected, fromMetadata.Predict(photo).Mask.Pixels);
    }

    [Fact]
    public void A_model_without_a_recorded_post_processing_gets_none()
    {
        using var temp = new TempDirectory();
        var folder = ExportAt64(temp, MaskPostprocess.None);

        using var engine = SegmentationEngine.Load(folder, new InferenceOptions { IntraOpThreads = 1, WarmUp = false });

        Assert.Equal(MaskPostprocess.None, engine.Postprocess);
        Assert.DoesNotContain("largest_region", File.ReadAllText(Path.Combine(folder, "wms-model.json")));
    }

    [Fact]
    public void An_unknown_post_processing_is_refused_naming_the_model()
    {
        using var temp = new TempDirectory();
        var folder = ExportAt64(temp, MaskPostprocess.LargestRegion);
        var manifest = Path.Combine(folder, "wms-model.json");
        File.WriteAllText(manifest, File.ReadAllText(manifest).Replace("largest_region", "convex_hull", StringComparison.Ordinal));

        var error = Assert.Throws<WmsException>(() => SegmentationEngine.Load(folder));

        Assert.Contains(Path.Combine(folder, "model.onnx"), error.Message);
        Assert.Contains("unknown mask post-processing 'convex_hull' (known: none, largest_region)", error.Message);
    }

    /// <summary>A trained-looking U-Net exported at 64x64 as <c>model/</c> in <paramref name="temp"/>, recording <paramref name="postprocess"/>.</summary>
    private static string ExportAt64(TempDirectory temp, MaskPostprocess postprocess)
    {
        using var model = TrainedUNet.Create(seed: 4);
        var folder = temp.Combine("model");
        ModelFolderExporter.Export(model, folder, new ModelFolderExportOptions { ImageSize = 64, Postprocess = postprocess });
        return folder;
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
