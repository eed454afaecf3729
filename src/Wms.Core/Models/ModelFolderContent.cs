namespace Wms.Core.Models;

/// <summary>What goes into a model folder besides the generated MLmodel, environment files and manifest.</summary>
public sealed record ModelFolderContent
{
    /// <summary>The exported ONNX model's bytes; written as <c>model.onnx</c>.</summary>
    public required byte[] Onnx { get; init; }

    /// <summary>The square input size the model was trained for; goes into the signature and the manifest.</summary>
    public int ImageSize { get; init; } = Imaging.Preprocessing.DefaultSize;

    /// <summary>Further files copied in by their file name (the native <c>best.dat</c> and the <c>best.pth</c>).</summary>
    public IReadOnlyList<string> ExtraFiles { get; init; } = [];

    /// <summary>The tracking run the model belongs to, when there is one.</summary>
    public string? RunId { get; init; }

    /// <summary><see cref="ModelContract.Fp32Precision"/> or <see cref="ModelContract.Int8Precision"/>; recorded in the manifest and MLmodel.</summary>
    public string Precision { get; init; } = ModelContract.Fp32Precision;

    /// <summary>The mask post-processing the model was trained and measured with; recorded in the manifest when not none.</summary>
    public Inference.MaskPostprocess Postprocess { get; init; }
}
