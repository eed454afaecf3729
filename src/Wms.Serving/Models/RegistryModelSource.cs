using System.Globalization;
using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Core.Registry;
using Wms.Core.Tracking;

namespace Wms.Serving.Models;

/// <summary>
/// The registry's model: <c>MODEL_VERSION</c> (an alias such as <c>production</c>, a stage, or a
/// version number) resolved in the embedded store or MLflow (<c>MLFLOW_TRACKING_URI</c>); a poll is
/// one lookup. A new version's folder is downloaded into the cache (one folder per version,
/// replaced atomically); the loader checks it against its <c>wms-model.json</c> hashes.
/// </summary>
internal sealed class RegistryModelSource(IModelRegistry registry, IOptions<ModelOptions> options,
    IOptions<TrackingOptions> tracking, IHostEnvironment environment) : IModelSource
{
    private string Name => tracking.Value.ModelName;

    private string Reference => options.Value.Version;

    public string Description => $"models:/{Name}@{Reference} ({registry.Location})";

    public async Task<ModelCandidate?> FindAsync(CancellationToken cancellationToken)
    {
        var version = await registry.ResolveAsync(Name, Reference, cancellationToken);
        if (version.Status != ModelVersionStatus.Ready)
            throw new WmsException($"model '{Name}' version {version.Version} is {version.Status}, not ready to serve", WmsErrorKind.DependencyUnavailable);
        var number = version.Version.ToString(CultureInfo.InvariantCulture);
        var descriptor = new ModelDescriptor(number, version.RunId ?? "", Reference, $"models:/{Name}/{number}", "");
        return new ModelCandidate($"{Name}/{number}", descriptor);
    }

    public async Task<LocalModel> FetchAsync(ModelCandidate candidate, CancellationToken cancellationToken)
    {
        var version = int.Parse(candidate.Descriptor.Version, CultureInfo.InvariantCulture);
        var folder = Path.Combine(CacheDirectory(), SafeName(Name), candidate.Descriptor.Version);
        // Always fetched afresh when the version changes: the registry is the truth, and the
        // download replaces the folder atomically, so a crash never leaves half a model there.
        await registry.DownloadModelVersionAsync(Name, version, folder, cancellationToken);
        return new LocalModel(folder, candidate.Descriptor);
    }

    private string CacheDirectory() => Path.GetFullPath(
        string.IsNullOrWhiteSpace(options.Value.CacheDirectory) ? Path.Combine("models", "registry") : options.Value.CacheDirectory,
        environment.ContentRootPath);

    private static string SafeName(string name) => string.Concat(name.Select(c => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
