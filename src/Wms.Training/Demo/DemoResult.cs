using Wms.Core.Predictions;
using Wms.Core.Synthetic;

namespace Wms.Training.Demo;

/// <summary>What <see cref="DemoPipeline"/> did and where it put it.</summary>
/// <param name="Directory">The demo folder.</param>
/// <param name="Data">The synthetic data set written (its folder holds images/ and masks/).</param>
/// <param name="Training">The training run (its folder holds the weights, metrics.json, train.log and plots).</param>
/// <param name="ModelDirectory">The exported model folder (model.onnx, MLmodel, weights).</param>
/// <param name="PredictionsDirectory">Masks and overlays of test photos, predicted through the ONNX model.</param>
/// <param name="Predictions">One entry per predicted photo.</param>
/// <param name="Timings">Seconds per step, in order: data, training (with data loading and test), export, predictions.</param>
public sealed record DemoResult(
    string Directory,
    SyntheticSummary Data,
    TrainingOutcome Training,
    string ModelDirectory,
    string PredictionsDirectory,
    IReadOnlyList<PhotoPrediction> Predictions,
    IReadOnlyList<KeyValuePair<string, double>> Timings);
