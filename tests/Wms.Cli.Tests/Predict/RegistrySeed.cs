using Wms.Core.Registry;
using Wms.Core.Tracking;

namespace Wms.Cli.Tests.Predict;

/// <summary>Puts a model folder into a registry as training and promotion would, through the store's API.</summary>
public static class RegistrySeed
{
    /// <summary>Logs a finished run with test metrics and the folder as its 'model' artifact, registers it, and (by default) promotes it.</summary>
    public static async Task<(string RunId, int Version)> RegisterAsync<TStore>(TStore store, string modelFolder, double dice, double iou, bool promote = true)
        where TStore : ITrackingStore, IModelRegistry
    {
        var experiment = await store.GetOrCreateExperimentAsync(RegistryNames.ModelName);
        var run = await store.CreateRunAsync(experiment.ExperimentId, "training");
        var now = DateTimeOffset.UtcNow;
        await store.LogBatchAsync(run.RunId, [new Metric(ModelMetrics.Dice, dice, 0, now), new Metric(ModelMetrics.Iou, iou, 0, now)]);
        await store.LogArtifactsAsync(run.RunId, modelFolder, RegistryNames.ModelArtifactPath);
        await store.EndRunAsync(run.RunId, RunStatus.Finished);
        var version = await store.CreateModelVersionAsync(RegistryNames.ModelName, run.RunId, RegistryNames.ModelArtifactPath);
        if (promote) await store.PromoteAsync(RegistryNames.ModelName, version.Version);
        return (run.RunId, version.Version);
    }
}
