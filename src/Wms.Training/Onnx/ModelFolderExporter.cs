using Wms.Core;
using Wms.Core.Models;
using Wms.Training.Model;

namespace Wms.Training.Onnx;

/// <summary>
/// The trained U-Net as the run's <c>model</c> artifact: an MLflow model folder with
/// <c>model.onnx</c> (checked against TorchSharp before anything is written), <c>best.pth</c>
/// for PyTorch users and <c>best.dat</c> for TorchSharp, see <see cref="ModelFolderWriter"/>.
/// </summary>
public static class ModelFolderExporter
{
    /// <summary>Beyond this the export is wrong, not rounding (parity is about 1e-5 in practice).</summary>
    public const float MaxAllowedDifference = 1e-3f;

    public static ModelFolderExport Export(UNet model, string directory, ModelFolderExportOptions? options = null)
    {
        options ??= new ModelFolderExportOptions();
        var onnx = UNetOnnxExporter.Export(model, options.ImageSize);
        var difference = OnnxVerification.MaxDifference(model, onnx);
        if (!(difference <= MaxAllowedDifference))
            throw new WmsException($"{directory}: the exported ONNX model disagrees with the U-Net (max |logit difference| {difference:G3}); nothing written");

        var weights = Path.Combine(Path.GetTempPath(), $"wms-export-{Guid.NewGuid():N}");
        try
        {
            var pth = Path.Combine(weights, Checkpoints.PthFileName);
            var dat = Path.Combine(weights, Checkpoints.NativeFileName);
            Checkpoints.Save(model, pth);
            Checkpoints.Save(model, dat);
            var content = new ModelFolderContent { Onnx = onnx, ImageSize = options.ImageSize, ExtraFiles = [pth, dat], RunId = options.RunId };
            var package = ModelFolderWriter.Write(directory, content, options.Time, options.Overwrite);
            return new ModelFolderExport(package, difference);
        }
        finally
        {
            if (Directory.Exists(weights)) Directory.Delete(weights, recursive: true);
        }
    }
}
