using Wms.Core.LocalModels;
using Wms.Core.Models;

namespace Wms.Core.Predictions;

/// <summary>The model a batch was predicted with, as <c>predictions.json</c> records it.</summary>
/// <param name="Kind"><c>cache</c> (a pulled registry version), <c>folder</c> (a model folder) or <c>onnx</c> (a bare file).</param>
/// <param name="Path">The folder or file loaded.</param>
/// <param name="OnnxSha256">The SHA-256 of the ONNX file that ran.</param>
/// <param name="ImageSize">The square size photos were resized to.</param>
/// <param name="ModelName">The registered model, for a cache.</param>
/// <param name="Version">The registry version, for a cache.</param>
/// <param name="RunId">The training run, when known.</param>
/// <param name="Alias">What the cache was pulled as (<c>production</c>).</param>
/// <param name="Source">The version's source in the registry.</param>
/// <param name="Metrics">The run's test metrics recorded at pull time.</param>
public sealed record PredictionModel(
    string Kind,
    string Path,
    string OnnxSha256,
    int ImageSize,
    string? ModelName,
    int? Version,
    string? RunId,
    string? Alias,
    string? Source,
    IReadOnlyDictionary<string, double>? Metrics)
{
    public static PredictionModel FromCache(CachedModel cache, int imageSize)
    {
        var m = cache.Manifest;
        return new PredictionModel("cache", cache.Directory, cache.Package.OnnxSha256, imageSize, m.ModelName, m.Version,
            m.RunId, m.Alias, m.Source, m.Metrics);
    }

    public static PredictionModel FromPackage(ModelPackage package, int imageSize) =>
        new(package.IsFolder ? "folder" : "onnx", package.Path, package.OnnxSha256, imageSize, null, null, package.RunId, null, null, null);
}
