using System.ComponentModel.DataAnnotations;

namespace Wms.Serving.Models;

/// <summary>Which model to serve and how to keep it current (configuration section <c>Serving:Model</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Serving:Model";

    /// <summary>
    /// An ONNX file or a model folder (MLflow <c>MLmodel</c> + <c>model.onnx</c>); env <c>MODEL_PATH</c>.
    /// Wins over the registry, whose model name is <c>Tracking:ModelName</c> (water-meter-segmentation).
    /// </summary>
    public string? Path { get; set; }

    /// <summary>An alias (<c>production</c>, <c>champion</c>), a stage (<c>Production</c>, <c>Staging</c>) or a version number; env <c>MODEL_VERSION</c>.</summary>
    [Required]
    public string Version { get; set; } = "production";

    /// <summary>How often the source is asked whether its model changed; zero turns hot reload off.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How soon a failed first load is tried again (the server is not ready until one succeeds).</summary>
    [Range(typeof(TimeSpan), "00:00:00.010", "01:00:00")]
    public TimeSpan RetryInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Where models downloaded from the registry are kept, one folder per version; default <c>models/registry</c> under the content root.</summary>
    public string? CacheDirectory { get; set; }

    /// <summary>ONNX Runtime threads per inference; 0 means one per core.</summary>
    [Range(0, 256)]
    public int Threads { get; set; }

    /// <summary>
    /// Idle ONNX Runtime threads spin for more work. Off by default here: the cores are shared with
    /// the other workers' decoding, and spinning cost about 10% more CPU per request in serve-bench.
    /// </summary>
    public bool AllowSpinning { get; set; }
}
