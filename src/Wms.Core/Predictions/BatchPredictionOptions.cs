using Wms.Core.Inference;

namespace Wms.Core.Predictions;

/// <summary>How <see cref="BatchPredictor"/> writes its results.</summary>
public sealed record BatchPredictionOptions
{
    /// <summary>Where masks, overlays and <c>predictions.json</c> go (created when missing).</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Mask files at the photo's size (default) or the model's.</summary>
    public MaskSize MaskSize { get; init; } = MaskSize.Photo;

    /// <summary>Also write <c>overlay_&lt;stem&gt;</c>: the photo with the mask tinted.</summary>
    public bool Overlay { get; init; }

    /// <summary>Photos in flight at once (each decodes, preprocesses and writes on its own thread).</summary>
    public int PhotosInParallel { get; init; } = 1;

    /// <summary>Photos with more pixels are refused from their header (decompression bombs).</summary>
    public long MaxPixels { get; init; } = new InferenceOptions().MaxPixels;
}
