using Wms.Core.Inference;
using Wms.Core.Models;
using Wms.Core.Registry;
using Wms.Core.Tracking;

namespace Wms.Core.LocalModels;

/// <summary>
/// <c>wms model pull</c>: copies a registry version (the Production one by default) into a local
/// cache folder for offline prediction. The files land in a temporary sibling folder, are
/// verified (the model folder's own SHA-256s, an ONNX Runtime load) and only then replace the
/// old cache, so a failed or interrupted pull leaves the previous cache as it was.
/// </summary>
public sealed class ModelPuller(IModelRegistry registry, ITrackingStore tracking, TimeProvider time)
{
    private static readonly string[] MetricKeys = [ModelMetrics.Dice, ModelMetrics.Iou, ModelMetrics.Hausdorff];

    /// <summary>
    /// Without <see cref="PullRequest.Force"/> an intact cache is only compared with the registry
    /// (<see cref="PullOutcome.UpToDate"/>, <see cref="PullOutcome.UpdateAvailable"/>, or
    /// <see cref="PullOutcome.RegistryUnreachable"/> when the registry cannot be asked); a missing
    /// or broken cache is downloaded. Errors: NotFound when the registry has no such version,
    /// DependencyUnavailable when it cannot be reached and there is no intact cache, Conflict when
    /// the folder exists but is not a model cache, InvalidInput when the registry's files are not a
    /// usable model.
    /// </summary>
    public async Task<PullResult> PullAsync(PullRequest request, CancellationToken cancellationToken = default)
    {
        var directory = Path.GetFullPath(request.Directory);
        RefuseForeignFolder(directory);
        CachedModel? cache = null;
        string? broken = null;
        if (!request.Force && Directory.Exists(directory))
        {
            try
            {
                cache = ModelCache.Open(directory);
            }
            catch (WmsException e)
            {
                broken = e.Message;
            }
        }

        ModelVersion version;
        try
        {
            version = await registry.ResolveAsync(request.ModelName, request.Reference, cancellationToken);
        }
        catch (WmsException e) when (e.Kind == WmsErrorKind.DependencyUnavailable && cache is not null)
        {
            return new PullResult(PullOutcome.RegistryUnreachable, cache.Manifest, null, e.Message);
        }
        if (version.Status != ModelVersionStatus.Ready)
            throw new WmsException($"model '{request.ModelName}' version {version.Version} is {version.Status}, not ready to download ({registry.Location})",
                WmsErrorKind.DependencyUnavailable);

        if (cache is not null)
            return new PullResult(Holds(cache.Manifest, version) ? PullOutcome.UpToDate : PullOutcome.UpdateAvailable, cache.Manifest, version, null);

        var manifest = await DownloadAsync(request, version, directory, cancellationToken);
        return new PullResult(PullOutcome.Downloaded, manifest, version, broken);
    }

    private async Task<ModelCacheManifest> DownloadAsync(PullRequest request, ModelVersion version, string directory, CancellationToken cancellationToken)
    {
        ModelCacheManifest? manifest = null;
        await LocalFiles.ReplaceDirectoryAsync(directory, async staging =>
        {
            await registry.DownloadModelVersionAsync(request.ModelName, version.Version, staging, cancellationToken);
            var package = Verify(staging, version);
            manifest = new ModelCacheManifest(
                FormatVersion: ModelCacheManifest.CurrentFormatVersion,
                ModelName: request.ModelName,
                Version: version.Version,
                RunId: version.RunId,
                Alias: request.Reference,
                Stage: version.Stage.ToString(),
                Source: version.Source,
                Registry: registry.Location,
                Metrics: await MetricsAsync(version.RunId, cancellationToken),
                PulledAt: time.GetUtcNow(),
                OnnxFile: Path.GetRelativePath(staging, package.OnnxPath).Replace(Path.DirectorySeparatorChar, '/'),
                OnnxSha256: package.OnnxSha256);
            // Last, so a folder without it is recognisably incomplete.
            ModelCache.WriteManifest(staging, manifest);
        });
        return manifest!;
    }

    /// <summary>The downloaded folder must pass its own hash check and load in ONNX Runtime before it may replace anything.</summary>
    private static ModelPackage Verify(string staging, ModelVersion version)
    {
        var what = $"model '{version.Name}' version {version.Version} ({version.Source})";
        try
        {
            var package = ModelPackage.Open(staging);
            if (package.Manifest is { } own && !string.Equals(own.OnnxSha256, package.OnnxSha256, StringComparison.OrdinalIgnoreCase))
                throw new WmsException($"{package.OnnxPath}: SHA-256 {package.OnnxSha256} is not {own.OnnxSha256} recorded in {ModelContract.ManifestFileName}");
            using (SegmentationEngine.Load(package, new InferenceOptions { WarmUp = false, IntraOpThreads = 1 }))
            {
                // Loading is the check: a registered file ONNX Runtime cannot run never becomes the cache.
            }
            return package;
        }
        catch (WmsException e)
        {
            throw new WmsException($"{what} is not a usable model, the cache was not changed: {e.Message}");
        }
    }

    private async Task<IReadOnlyDictionary<string, double>> MetricsAsync(string? runId, CancellationToken cancellationToken)
    {
        var metrics = new SortedDictionary<string, double>(StringComparer.Ordinal);
        if (runId is null) return metrics;
        try
        {
            var run = await tracking.GetRunAsync(runId, cancellationToken);
            foreach (var key in MetricKeys)
                if (run.GetMetric(key) is { } value) metrics[key] = value;
        }
        catch (WmsException e) when (e.Kind == WmsErrorKind.NotFound)
        {
            // Versions may outlive their runs; the model itself is what matters.
        }
        return metrics;
    }

    private static bool Holds(ModelCacheManifest cache, ModelVersion version) =>
        cache.ModelName == version.Name && cache.Version == version.Version && cache.RunId == version.RunId && cache.Source == version.Source;

    /// <summary>Never replace a folder that holds something else: only an empty folder, a cache or a model folder.</summary>
    private static void RefuseForeignFolder(string directory)
    {
        if (!Directory.Exists(directory) || !Directory.EnumerateFileSystemEntries(directory).Any()) return;
        if (ModelCache.HasManifest(directory) || File.Exists(Path.Combine(directory, ModelContract.MlModelFileName))) return;
        throw new WmsException($"{directory}: exists and is not a model cache; choose another folder or empty it", WmsErrorKind.Conflict);
    }
}
