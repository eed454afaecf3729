using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Serving.Observability;

namespace Wms.Serving.Models;

/// <summary>
/// Loads the first model, then polls the source and swaps in a new one when it changes: the new
/// session is loaded and warmed up beside the old one, swapped atomically, and the old one retires
/// after its last request. A model that fails to verify, load or warm up is refused (and not tried
/// again until the source changes); the one in service stays.
/// </summary>
internal sealed class ModelReloader(
    IModelSource source, ModelLoader loader, CurrentModel current, ServingMetrics metrics,
    IOptions<ModelOptions> options, TimeProvider time, ILogger<ModelReloader> logger) : BackgroundService
{
    private string? _servedIdentity;
    private string? _refusedIdentity;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ServingLog.ModelSource(logger, source.Description, loader.Threads, options.Value.PollInterval.TotalSeconds);
        while (!stoppingToken.IsCancellationRequested)
        {
            await CheckOnceAsync(stoppingToken);
            var interval = current.IsLoaded ? options.Value.PollInterval : options.Value.RetryInterval;
            if (interval <= TimeSpan.Zero) return;
            try
            {
                await Task.Delay(interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>One look at the source; swaps the model when it changed and loads fine.</summary>
    public async Task CheckOnceAsync(CancellationToken cancellationToken)
    {
        ModelCandidate? candidate;
        try
        {
            candidate = await source.FindAsync(cancellationToken);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            SourceFailed(e.Message);
            return;
        }
        if (candidate is null)
        {
            SourceFailed("the source has no model");
            return;
        }
        if (candidate.Identity == _servedIdentity || candidate.Identity == _refusedIdentity) return;

        try
        {
            var local = await source.FetchAsync(candidate, cancellationToken);
            var (model, seconds) = await loader.LoadAsync(local, cancellationToken);
            var previous = current.Descriptor;
            current.Swap(model);
            _servedIdentity = candidate.Identity;
            metrics.ModelServed(previous, model.Descriptor);
            metrics.ModelReloads.WithLabels(ServingMetrics.ReloadSuccess).Inc();
            var d = model.Descriptor;
            ServingLog.ModelLoaded(logger, d.Version, d.RunId.Length > 0 ? d.RunId : "unknown", d.Alias, d.Source, seconds);
        }
        catch (WmsException e) when (e.Kind == WmsErrorKind.DependencyUnavailable)
        {
            // A download that failed half-way is worth trying again at the next poll.
            SourceFailed(e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _refusedIdentity = candidate.Identity;
            metrics.ModelReloads.WithLabels(ServingMetrics.ReloadRefused).Inc();
            ServingLog.ModelRefused(logger, candidate.Descriptor.Version.Length > 0 ? candidate.Descriptor.Version : candidate.Identity, candidate.Descriptor.Source,
                current.Descriptor?.Version ?? "nothing (not ready)", e.Message);
        }
    }

    private void SourceFailed(string reason)
    {
        metrics.ModelReloads.WithLabels(ServingMetrics.ReloadError).Inc();
        if (current.Descriptor is { } served)
            ServingLog.ModelPollFailed(logger, source.Description, served.Version, reason);
        else
            ServingLog.ModelUnavailable(logger, source.Description, reason, options.Value.RetryInterval.TotalSeconds);
    }
}
