using Wms.Core.Inference;
using Wms.Training.Model;
using Wms.Training.Onnx;
using Wms.Training.Tests.Onnx;
using Wms.Tests.Shared;

namespace Wms.Training.Tests.Inference;

/// <summary>One trained-looking U-Net, exported once as a model folder and loaded once in the engine.</summary>
public sealed class ExportedModelFixture : IDisposable
{
    private readonly TempDirectory _temp = new("wms-engine");

    public ExportedModelFixture()
    {
        TorchRuntime.Configure(2);
        Model = TrainedUNet.Create(seed: 21);
        Folder = _temp.Combine("model");
        Export = ModelFolderExporter.Export(Model, Folder);
        Engine = SegmentationEngine.Load(Folder, new InferenceOptions { IntraOpThreads = 2 });
    }

    public UNet Model { get; }

    public string Folder { get; }

    public ModelFolderExport Export { get; }

    public SegmentationEngine Engine { get; }

    public string TempPath(string name) => _temp.Combine(name);

    public void Dispose()
    {
        Engine.Dispose();
        Model.Dispose();
        _temp.Dispose();
    }
}
