using Wms.Core.Registry;
using Wms.Core.Tracking;

namespace Wms.Tests.Shared;

/// <summary>
/// Seeds a tracking store through its interface, as a training would: a FINISHED run with
/// per-epoch metrics, the final test metrics and (optionally) a <c>model/</c> folder holding
/// placeholder files (the real model format is not needed to test tracking and promotion).
/// </summary>
public static class TrackingSeed
{
    public static async Task<RunInfo> RunWithModelAsync(ITrackingStore store, string experiment, double dice, double iou,
        string? runName = null, bool withModel = true, RunStatus status = RunStatus.Finished, IReadOnlyDictionary<string, string>? parameters = null)
    {
        var experimentId = (await store.GetOrCreateExperimentAsync(experiment)).ExperimentId;
        var run = await store.CreateRunAsync(experimentId, runName);
        var now = DateTimeOffset.UtcNow;
        var metrics = new List<Metric>();
        for (var epoch = 0; epoch < 3; epoch++)
        {
            metrics.Add(new Metric("val_dice", dice - (2 - epoch) * 0.01, epoch, now.AddSeconds(epoch)));
            metrics.Add(new Metric("val_loss", 0.5 - epoch * 0.1, epoch, now.AddSeconds(epoch)));
        }
        metrics.Add(new Metric(ModelMetrics.Dice, dice, 0, now.AddSeconds(3)));
        metrics.Add(new Metric(ModelMetrics.Iou, iou, 0, now.AddSeconds(3)));
        await store.LogBatchAsync(run.RunId, metrics, parameters ?? new Dictionary<string, string> { ["epochs"] = "3", ["learning_rate"] = "0.0001" });
        if (withModel)
        {
            using var folder = new TempDirectory("wms-seed-model");
            await File.WriteAllTextAsync(folder.Combine("MLmodel"), $"artifact_path: model\nrun_id: {run.RunId}\nflavors: {{}}\n");
            await File.WriteAllBytesAsync(folder.Combine("model.onnx"), [1, 2, 3, 4, (byte)(dice * 100)]);
            Directory.CreateDirectory(folder.Combine("native"));
            await File.WriteAllTextAsync(folder.Combine("native", "weights.dat"), "placeholder weights for " + run.RunId);
            await store.LogArtifactsAsync(run.RunId, folder.Path, RegistryNames.ModelArtifactPath);
        }
        await store.EndRunAsync(run.RunId, status);
        return run;
    }
}
