using Wms.Core.Models;

namespace Wms.Training.Onnx;

/// <summary>Options of <see cref="ModelFolderExporter.Export"/>.</summary>
public sealed record ModelFolderExportOptions
{
    public int ImageSize { get; init; } = Core.Imaging.Preprocessing.DefaultSize;
    public string? RunId { get; init; }
    public bool Overwrite { get; init; }
    public TimeProvider Time { get; init; } = TimeProvider.System;
}

/// <summary>The folder written, and how far ONNX Runtime was from TorchSharp on the check input.</summary>
public sealed record ModelFolderExport(ModelPackage Package, float MaxLogitDifference);
