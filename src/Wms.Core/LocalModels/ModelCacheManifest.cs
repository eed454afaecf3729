namespace Wms.Core.LocalModels;

/// <summary>
/// <c>wms-cache.json</c> in a pulled model cache: which registry version the folder holds and the
/// SHA-256 its ONNX file must still have. Written last, inside the staging folder, so a cache
/// without it is incomplete.
/// </summary>
/// <param name="FormatVersion">Bumped when a field changes meaning.</param>
/// <param name="ModelName">The registered model (<c>water-meter-segmentation</c>).</param>
/// <param name="Version">The registry version the files are.</param>
/// <param name="RunId">The training run, when the version has one.</param>
/// <param name="Alias">What was asked for (<c>production</c>, another alias, a stage or a version).</param>
/// <param name="Stage">The version's stage when it was pulled.</param>
/// <param name="Source">The version's source in the registry (<c>runs:/...</c>, <c>mlflow-artifacts:/...</c>).</param>
/// <param name="Registry">Where it was pulled from ("embedded store at ...", "MLflow at ...").</param>
/// <param name="Metrics">The run's test metrics (<c>final_test_dice</c>, <c>final_test_iou</c>) that were logged.</param>
/// <param name="PulledAt">When the pull finished (UTC).</param>
/// <param name="OnnxFile">The ONNX file, relative to the cache folder.</param>
/// <param name="OnnxSha256">Its SHA-256 (lowercase hex), checked before every use.</param>
public sealed record ModelCacheManifest(
    int FormatVersion,
    string ModelName,
    int Version,
    string? RunId,
    string Alias,
    string Stage,
    string Source,
    string Registry,
    IReadOnlyDictionary<string, double> Metrics,
    DateTimeOffset PulledAt,
    string OnnxFile,
    string OnnxSha256)
{
    /// <summary>The only format so far.</summary>
    public const int CurrentFormatVersion = 1;

    /// <summary>The file's name inside the cache folder.</summary>
    public const string FileName = "wms-cache.json";
}
