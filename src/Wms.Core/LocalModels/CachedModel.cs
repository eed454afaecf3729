using Wms.Core.Models;

namespace Wms.Core.LocalModels;

/// <summary>A pulled model whose files were checked against its <see cref="ModelCacheManifest"/>.</summary>
/// <param name="Directory">The cache folder (full path).</param>
/// <param name="Manifest">Which registry version it is.</param>
/// <param name="Package">The verified model folder, ready for <see cref="Inference.SegmentationEngine.Load(ModelPackage, Inference.InferenceOptions?)"/>.</param>
public sealed record CachedModel(string Directory, ModelCacheManifest Manifest, ModelPackage Package);
