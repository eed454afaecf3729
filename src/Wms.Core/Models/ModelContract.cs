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

    /// <summary>RGB.</summary>
    public const int InputChannels = 3;

    /// <summary>One logit per pixel: counter or not.</summary>
    public const int OutputChannels = 1;

    /// <summary>Foreground where the sigmoid probability is strictly above this (the original's rule).</summary>
    public const float Threshold = 0.5f;

    /// <summary>The ONNX model in a model folder (the onnx flavor's <c>data</c>).</summary>
    public const string OnnxFileName = "model.onnx";

    /// <summary>MLflow's model description (ECOSYSTEM.md §b.3).</summary>
    public const string MlModelFileName = "MLmodel";

    /// <summary>Ours: sizes, names and every file's SHA-256 (<see cref="ModelManifest"/>).</summary>
    public const string ManifestFileName = "wms-model.json";

    /// <summary>The weights as a PyTorch state_dict, for Python users.</summary>
    public const string PthFileName = "best.pth";

    /// <summary>The weights in TorchSharp's format, for resuming or fine-tuning here.</summary>
    public const string NativeWeightsFileName = "best.dat";

    /// <summary>Keys of the ONNX model's <c>metadata_props</c> the engine reads.</summary>
    public const string ImageSizeMetadataKey = "wms.image_size";

    /// <summary>The probability threshold, recorded for consumers of a bare ONNX file.</summary>
    public const string ThresholdMetadataKey = "wms.threshold";

    /// <summary>
    /// The ONNX metadata key of the mask post-processing the model was trained and measured with
    /// (<see cref="Inference.MaskPostprocessNames"/>); absent means none.
    /// </summary>
    public const string PostprocessMetadataKey = "wms.postprocess";

    /// <summary>The ONNX metadata key of a quantized graph's precision (<see cref="Int8Precision"/>); absent means FP32.</summary>
    public const string PrecisionMetadataKey = "wms.precision";

    /// <summary>The graph computes in float32 (the default export).</summary>
    public const string Fp32Precision = "fp32";

    /// <summary>
    /// The graph is statically quantized (QDQ: int8 weights per output channel, uint8 activations);
    /// input and output are float32 as for <see cref="Fp32Precision"/>, so consumers need no change.
    /// </summary>
    public const string Int8Precision = "int8";
}
