using Wms.Core;
using Wms.Core.Inference;
using Wms.Core.LocalModels;
using Wms.Core.Models;
using Wms.Core.Predictions;

namespace Wms.Cli.Commands.Predict;

/// <summary>The engine `wms predict` runs, from --model or the pull cache, verified by SHA-256 before loading.</summary>
internal static class PredictionModelLoader
{
    /// <param name="modelOption">--model: an ONNX file, a model folder, or a cache folder (one with wms-cache.json).</param>
    /// <param name="cacheDirectory">The pull cache used without --model.</param>
    public static (SegmentationEngine Engine, PredictionModel Description) Load(Workspace workspace, string? modelOption,
        string cacheDirectory, InferenceOptions options)
    {
        var path = workspace.Resolve(modelOption ?? cacheDirectory);
        if (modelOption is null || (Directory.Exists(path) && ModelCache.HasManifest(path)))
        {
            var cache = ModelCache.Open(path);
            var cached = SegmentationEngine.Load(cache.Package, options);
            return (cached, PredictionModel.FromCache(cache, cached.ImageSize));
        }
        var package = ModelPackage.Open(path);
        var engine = SegmentationEngine.Load(package, options);
        return (engine, PredictionModel.FromPackage(package, engine.ImageSize));
    }
}
