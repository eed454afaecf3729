using Wms.Core.Imaging;
using Wms.Training.Model;
using Wms.Training.Onnx;
using Wms.Training.Tests.Inference;

namespace Wms.Training.Tests.Onnx.Int8;

/// <summary>A briefly trained U-Net exported once as FP32 and once as INT8, calibrated on synthetic meter photos.</summary>
public sealed class Int8ModelFixture : IDisposable
{
    public const int Size = 128;

    public Int8ModelFixture()
    {
        TorchRuntime.Configure(2);
        Model = MeterTrainedUNet.Create(size: 64);
        Weights = UNetWeights.From(Model);
        Fp32 = UNetOnnxExporter.Export(Weights, Size);
        var calibration = Enumerable.Range(1, 4).Select(Input).ToList();
        Ranges = Int8Calibration.Calibrate(Weights, calibration, Size, threads: 2);
        Int8 = UNetOnnxExporter.ExportInt8(Weights, Ranges, Size);
    }

    public UNet Model { get; }

    public IReadOnlyDictionary<string, WeightTensor> Weights { get; }

    public IReadOnlyDictionary<string, ActivationRange> Ranges { get; }

    public byte[] Fp32 { get; }

    public byte[] Int8 { get; }

    /// <summary>A synthetic meter photo, preprocessed as for training; seeds 1-4 are the calibration set.</summary>
    public static float[] Input(int seed) =>
        Preprocessing.ToTensor(Preprocessing.Prepare(TestImages.Meter(300 + seed * 7, 220 + seed * 5, seed), Size));

    public void Dispose() => Model.Dispose();
}
