namespace Wms.Core.Models;

/// <summary>
/// What every exported model promises its consumers (the inference engine, MLflow's pyfunc, a
/// user's own onnxruntime script): tensor names, channel counts, file names in the model folder.
/// </summary>
public static class ModelContract
{
    /// <summary>The graph input: float32 [N, 3, H, W], RGB, values 0..1 after <see cref="Imaging.Preprocessing"/>.</summary>
    public const string InputName = "input";

    /// <summary>The graph output: float32 [N, 1, H, W] logits; sigmoid(logit) &gt; 0.5 is the counter.</summary>
    public const string OutputName = "logits";

    public const int InputChannels = 3;
    public const int OutputChannels = 1;

    /// <summary>Foreground where the sigmoid probability is strictly above this (the original's rule).</summary>
    public const float Threshold = 0.5f;

    /// <summary>Files of an MLflow model folder (ECOSYSTEM.md §b.3) plus ours.</summary>
    public const string OnnxFileName = "model.onnx";
    public const string MlModelFileName = "MLmodel";
    public const string ManifestFileName = "wms-model.json";
    public const string PthFileName = "best.pth";
    public const string NativeWeightsFileName = "best.dat";

    /// <summary>Keys of the ONNX model's <c>metadata_props</c> the engine reads.</summary>
    public const string ImageSizeMetadataKey = "wms.image_size";
    public const string ThresholdMetadataKey = "wms.threshold";
}
