using Wms.Core;
using Wms.Core.Models;
using Wms.Training.Model;

namespace Wms.Training.Onnx;

/// <summary>
/// The trained U-Net as the run's <c>model</c> artifact: an MLflow model folder with
/// <c>model.onnx</c> (checked against TorchSharp before anything is written), <c>best.pth</c>
/// for PyTorch users and <c>best.dat</c> for TorchSharp, see <see cref="ModelFolderWriter"/>.
/// With <see cref="ModelFolderExportOptions.Int8"/>, <c>model.onnx</c> is the static INT8 graph,
/// checked against the FP32 one on the calibration photos.
/// </summary>
public static class ModelFolderExporter
{
    /// <summary>Beyond this the export is wrong, not rounding (parity is about 1e-5 in practice).</summary>
    public const float MaxAllowedDifference = 1e-3f;

    public static ModelFolderExport Export(UNet model, string directory, ModelFolderExportOptions? options = null)
    {
        options ??= new ModelFolderExportOptions();
        var weightValues = UNetWeights.From(model);
        var onnx = UNetOnnxExporter.Export(weightValues, options.ImageSize, options.Postprocess);
        var difference = OnnxVerification.MaxDifference(model, onnx);
        if (!(difference <= MaxAllowedDifference))
            throw new WmsException($"{directory}: the exported ONNX model disagrees with the U-Net (max |logit difference| {difference:G3}); nothing written");

        Int8Agreement? agreement = null;
        if (options.Int8 is { } int8) (onnx, agreement) = Quantize(weightValues, onnx, int8, options, directory);

        var weights = Path.Combine(Path.GetTempPath(), $"wms-export-{Guid.NewGuid():N}");
        try
        {
            var pth = Path.Combine(weights, Checkpoints.PthFileName);
            var dat = Path.Combine(weights, Checkpoints.NativeFileName);
            Checkpoints.Save(model, pth);
            Checkpoints.Save(model, dat);
            var content = new ModelFolderContent
            {
                Onnx = onnx,
                ImageSize = options.ImageSize,
                ExtraFiles = [pth, dat],
                RunId = options.RunId,
                Precision = agreement is null ? ModelContract.Fp32Precision : ModelContract.Int8Precision,
                Postprocess = options.Postprocess,
            };
            var package = ModelFolderWriter.Write(directory, content, options.Time, options.Overwrite);
            return new ModelFolderExport(package, difference, agreement);
        }
        finally
        {
            if (Directory.Exists(weights)) Directory.Delete(weights, recursive: true);
        }
    }

    private static (byte[] Onnx, Int8Agreement Agreement) Quantize(IReadOnlyDictionary<string, WeightTensor> weights, byte[] fp32,
        Int8ExportOptions options, ModelFolderExportOptions export, string directory)
    {
        var size = export.ImageSize;
        var inputs = CalibrationPhotos.List(options.CalibrationDirectory, options.MaxPhotos)
            .Select(photo => CalibrationPhotos.Load(photo, size)).ToList();
        var ranges = Int8Calibration.Calibrate(weights, inputs, size, options.Threads);
        var int8 = UNetOnnxExporter.ExportInt8(weights, ranges, size, export.Postprocess);
        var agreement = Int8Agreement.Measure(fp32, int8, inputs, size, options.Threads);
        if (!(agreement.MeanDice >= options.MinDice))
            throw new WmsException($"{directory}: the INT8 model's masks agree with FP32's only at mean Dice {agreement.MeanDice:F3} " +
                                   $"(< {options.MinDice:F2}) on {inputs.Count} calibration photos; nothing written (export without --int8)");
        return (int8, agreement);
    }
}
