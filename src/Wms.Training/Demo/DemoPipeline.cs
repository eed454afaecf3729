using System.Diagnostics;
using Wms.Core.Inference;
using Wms.Core.Predictions;
using Wms.Core.Synthetic;
using Wms.Training.Data;
using Wms.Training.Model;
using Wms.Training.Onnx;
using Wms.Training.Runs;

namespace Wms.Training.Demo;

/// <summary>
/// <c>wms demo</c>'s work, with nothing but the program itself: render synthetic meters, train
/// on them, test the best weights, export the model folder (ONNX), and predict masks for a few
/// test photos through the same ONNX engine serving uses.
/// </summary>
public sealed class DemoPipeline(TrainingRun run)
{
    /// <param name="step">Told the name of each step as it starts.</param>
    public async Task<DemoResult> RunAsync(string directory, DemoSettings settings, bool replace, ITrainingObserver observer,
        Action<string>? step, CancellationToken cancellationToken)
    {
        directory = Path.GetFullPath(directory);
        DemoFolder.Prepare(directory, replace);
        var timings = new List<KeyValuePair<string, double>>();
        var clock = Stopwatch.StartNew();
        void Done(string name) => timings.Add(new(name, Math.Round(clock.Elapsed.TotalSeconds, 2)));

        step?.Invoke($"Rendering {settings.Pairs} synthetic meter photos");
        var dataDirectory = Path.Combine(directory, DemoFolder.DataFolder);
        var data = await Task.Run(() => SyntheticMeters.Generate(dataDirectory, settings.Pairs, settings.Seed, cancellationToken: cancellationToken), cancellationToken);
        Done("data");

        clock.Restart();
        step?.Invoke($"Training {settings.Epochs} epochs at {settings.ImageSize}x{settings.ImageSize}");
        var request = new TrainingRequest(dataDirectory, Path.Combine(directory, DemoFolder.RunFolder), settings.ToTrainingOptions());
        var training = await run.RunAsync(request, observer, cancellationToken);
        Done("training");
        if (training.Status != TrainingStatus.Completed)
            return new DemoResult(directory, data, training, "", "", [], timings);

        clock.Restart();
        step?.Invoke("Exporting the model folder (ONNX)");
        var modelDirectory = Path.Combine(directory, DemoFolder.ModelFolder);
        await Task.Run(() => Export(training.RunDirectory, modelDirectory, settings), cancellationToken);
        Done("export");

        clock.Restart();
        step?.Invoke($"Predicting {settings.PredictedPhotos} test photos through the ONNX model");
        var predictionsDirectory = Path.Combine(directory, DemoFolder.PredictionsFolder);
        var photos = TestPhotos(dataDirectory, training.Run.Split.Test, settings.PredictedPhotos);
        using var engine = SegmentationEngine.Load(modelDirectory, new InferenceOptions { WarmUp = false });
        var predictions = BatchPredictor.Run(engine, photos,
            new BatchPredictionOptions { OutputDirectory = predictionsDirectory, Overlay = true }, cancellationToken: cancellationToken);
        Done("predictions");
        return new DemoResult(directory, data, training, modelDirectory, predictionsDirectory, predictions, timings);
    }

    private static void Export(string runDirectory, string modelDirectory, DemoSettings settings)
    {
        TorchRuntime.Configure(settings.Threads);
        using var model = Checkpoints.Open(Path.Combine(runDirectory, Checkpoints.NativeFileName));
        ModelFolderExporter.Export(model, modelDirectory, new ModelFolderExportOptions { ImageSize = settings.ImageSize });
    }

    private static List<InputPhoto> TestPhotos(string dataDirectory, IReadOnlyList<string> testStems, int count)
    {
        var byStem = DatasetFolder.Scan(dataDirectory).ToDictionary(p => p.Stem, StringComparer.Ordinal);
        return testStems.Take(count)
            .Select(stem => new InputPhoto(byStem[stem].PhotoPath, Path.GetFileName(byStem[stem].PhotoPath), stem))
            .ToList();
    }
}
