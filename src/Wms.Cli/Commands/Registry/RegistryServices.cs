using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;
using Wms.Core;
using Wms.Core.Registry;
using Wms.Core.Registry.Promotion;
using Wms.Core.Tracking;

namespace Wms.Cli.Commands.Registry;

/// <summary>What the tracking and registry commands share: the backend, names from configuration, the promoter.</summary>
public sealed class RegistryServices(ITrackingStore tracking, IModelRegistry registry, IOptions<TrackingOptions> options,
    TimeProvider time, IConfiguration configuration, Workspace workspace)
{
    public ITrackingStore Tracking => tracking;
    public IModelRegistry Registry => registry;
    public Workspace Workspace => workspace;
    public TimeProvider Time => time;
    public string ModelName => options.Value.ModelName;
    public string ExperimentName => options.Value.ExperimentName;

    public ModelPromoter Promoter() => new(tracking, registry, time, ModelName);

    /// <summary>Who is acting: GITHUB_ACTOR in CI, else the user, read from configuration (environment included).</summary>
    public PromotionActor Actor() => PromotionActor.FromEnvironment(key => configuration[key]);

    /// <summary>The run, or null when it was deleted or never existed (versions may outlive their runs).</summary>
    public async Task<Run?> FindRunAsync(string? runId, CancellationToken cancellationToken)
    {
        if (runId is null) return null;
        try
        {
            return await tracking.GetRunAsync(runId, cancellationToken);
        }
        catch (WmsException e) when (e.Kind == WmsErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>The runs behind several versions, each fetched once.</summary>
    public async Task<IReadOnlyDictionary<string, Run>> RunsOfAsync(IEnumerable<ModelVersion> versions, CancellationToken cancellationToken)
    {
        var runs = new Dictionary<string, Run>(StringComparer.Ordinal);
        foreach (var runId in versions.Select(v => v.RunId).OfType<string>().Distinct(StringComparer.Ordinal))
        {
            if (await FindRunAsync(runId, cancellationToken) is { } run) runs[runId] = run;
        }
        return runs;
    }
}
