using System.Globalization;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Training.Model;
using Wms.Training.Onnx;
using Wms.Training.Runs;

namespace Wms.Cli.Pipeline;

/// <summary>
/// Logs a finished run folder as a tracking run, as the gate and the registry need it: the
/// parameters and per-epoch metrics of its <c>metrics.json</c>, the <c>final_test_*</c> metrics,
/// <c>metrics.json</c>, <c>train.log</c> and <c>config.yaml</c> as artifacts, the data folder as the
/// tag <c>wms.data_directory</c>, and the best weights exported as the <c>model</c> folder (ONNX
/// checked against TorchSharp). The run ends FINISHED only when all of it is logged.
/// </summary>
public static class TrainingRunRecorder
{
    public const string PipelineTag = "wms.pipeline_id";

    public static async Task<string> LogAsync(ITrackingStore store, string experiment, string runDirectory, string pipelineId,
        TimeProvider time, CancellationToken cancellationToken)
    {
        var metrics = RunMetricsFile.Read(Path.Combine(runDirectory, RunFolder.MetricsFileName));
        var tags = new Dictionary<string, string>
        {
            ["wms.data_directory"] = metrics.DataDirectory,
            ["wms.run_directory"] = runDirectory,
            [PipelineTag] = pipelineId,
        };
        await using var run = await TrackedRun.StartAsync(store, experiment, Path.GetFileName(runDirectory), tags, time, cancellationToken);
        await run.LogParamsAsync(metrics.Params, cancellationToken);
        foreach (var epoch in metrics.Epochs)
            await run.LogMetricsAsync(EpochValues(epoch), epoch.Epoch, cancellationToken);
        var final = new Dictionary<string, double>();
        if (metrics.FinalTestDice is { } dice) final[ModelMetrics.Dice] = dice;
        if (metrics.FinalTestIou is { } iou) final[ModelMetrics.Iou] = iou;
        if (metrics.FinalTestHausdorff is { } hausdorff) final[ModelMetrics.Hausdorff] = hausdorff;
        await run.LogMetricsAsync(final, 0, cancellationToken);
        foreach (var file in new[] { RunFolder.MetricsFileName, RunFolder.LogFileName, RunFolder.ConfigFileName })
            await store.LogArtifactAsync(run.RunId, Path.Combine(runDirectory, file), cancellationToken: cancellationToken);

        var model = Path.Combine(Path.GetTempPath(), $"wms-pipeline-model-{Guid.NewGuid():N}");
        try
        {
            var imageSize = int.Parse(metrics.Params["image_size"], CultureInfo.InvariantCulture);
            await Task.Run(() => ExportModel(runDirectory, model, imageSize, run.RunId), cancellationToken);
            await store.LogArtifactsAsync(run.RunId, model, RegistryNames.ModelArtifactPath, cancellationToken);
        }
        finally
        {
            if (Directory.Exists(model)) Directory.Delete(model, recursive: true);
        }
        await run.CompleteAsync();
        return run.RunId;
    }

    private static void ExportModel(string runDirectory, string folder, int imageSize, string runId)
    {
        using var unet = new UNet();
        Checkpoints.Load(unet, Path.Combine(runDirectory, Checkpoints.NativeFileName));
        ModelFolderExporter.Export(unet, folder, new ModelFolderExportOptions { ImageSize = imageSize, RunId = runId });
    }

    private static Dictionary<string, double> EpochValues(RunEpochRecord e) => new()
    {
        ["train_loss"] = e.TrainLoss,
        ["train_dice"] = e.TrainDice,
        ["train_iou"] = e.TrainIou,
        ["val_loss"] = e.ValLoss,
        ["val_dice"] = e.ValDice,
        ["val_iou"] = e.ValIou,
        ["learning_rate"] = e.LearningRate,
    };
}
