using Wms.Training.Model;
using Wms.Training.Onnx;
using Wms.Tests.Shared;
using Xunit;
using static TorchSharp.torch;

[assembly: AssemblyFixture(typeof(Wms.Cli.Tests.Predict.PredictModels))]

namespace Wms.Cli.Tests.Predict;

/// <summary>
/// Two random full-size U-Nets exported once per test run as real model folders (MLmodel,
/// model.onnx, wms-model.json, weights) by the onnx exporter, at a 64-pixel input so inference is quick.
/// </summary>
public sealed class PredictModels : IDisposable
{
    public const int ImageSize = 64;

    private readonly TempDirectory _temp = new("wms-predict-models");

    public PredictModels()
    {
        TorchRuntime.Configure(2);
        First = Export("first", seed: 1);
        Second = Export("second", seed: 2);
    }

    /// <summary>Version 1 in the registry tests; the model the mask-parity tests compare against.</summary>
    public ExportedModel First { get; }

    /// <summary>A different model (other weights, other SHA-256): the "newer Production".</summary>
    public ExportedModel Second { get; }

    public void Dispose()
    {
        First.Model.Dispose();
        Second.Model.Dispose();
        _temp.Dispose();
    }

    private ExportedModel Export(string name, int seed)
    {
        manual_seed(seed);
        var model = new UNet();
        model.eval();
        Spread(model);
        var folder = _temp.Combine(name);
        var export = ModelFolderExporter.Export(model, folder, new ModelFolderExportOptions { ImageSize = ImageSize });
        return new ExportedModel(folder, export.Package.OnnxPath, export.Package.OnnxSha256, model);
    }

    /// <summary>
    /// Untrained logits sit in a narrow band on one side of 0; scaling the last 1x1 convolution around
    /// their mean gives masks with both classes, so coverage and boxes mean something.
    /// </summary>
    private static void Spread(UNet model)
    {
        using var scope = NewDisposeScope();
        using var _ = no_grad();
        var mean = model.call(rand(1, 3, ImageSize, ImageSize)).mean().item<float>();
        var state = model.state_dict();
        state["final.weight"].mul_(40f);
        state["final.bias"].sub_(mean).mul_(40f);
    }
}
