using Wms.Core.Models;

namespace Wms.Training.Onnx;

/// <summary>Options of <see cref="ModelFolderExporter.Export"/>.</summary>
public sealed record ModelFolderExportOptions
{
    public int ImageSize { get; init; } = Core.Imaging.Preprocessing.DefaultSize;
    public string? RunId { get; init; }
    public bool Overwrite { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>When set, <c>model.onnx</c> is the static INT8 graph calibrated on these photos.</summary>
    public Int8ExportOptions? Int8 { get; init; }

    /// <summary>The mask post-processing the model was trained and measured with (ONNX metadata and manifest).</summary>
    public Core.Inference.MaskPostprocess Postprocess { get; init; }
}

/// <summary>The folder written, and how far ONNX Runtime was from TorchSharp on the check input.</summary>
/// <param name="Int8">For an INT8 export: how closely it follows the FP32 graph on the calibration photos.</param>
public sealed record ModelFolderExport(ModelPackage Package, float MaxLogitDifference, Int8Agreement? Int8 = null);
