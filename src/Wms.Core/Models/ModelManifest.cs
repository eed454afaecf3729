namespace Wms.Core.Models;

/// <summary>
/// <c>wms-model.json</c> in a model folder: what the model expects and a SHA-256 of every file,
/// so a consumer (serving, <c>wms model pull</c>) can tell a complete, untampered folder from a
/// half-downloaded or swapped one before loading anything.
/// </summary>
public sealed record ModelManifest(
    int FormatVersion,
    string OnnxFile,
    string OnnxSha256,
    int ImageSize,
    float Threshold,
    string InputName,
    string OutputName,
    IReadOnlyList<ManifestFile> Files,
    string? RunId,
    DateTimeOffset CreatedUtc,
    string Producer,
    string? Precision = null,
    string? Postprocess = null)
{
    /// <summary>What the ONNX graph computes in; folders written before it was recorded are FP32.</summary>
    public string EffectivePrecision => Precision ?? ModelContract.Fp32Precision;

    /// <summary>Bumped when a field changes meaning; readers refuse nothing yet (there is one version).</summary>
    public const int CurrentFormatVersion = 1;
}

/// <summary>One file of the folder, relative path with '/' separators.</summary>
public sealed record ManifestFile(string Path, string Sha256, long SizeBytes);
