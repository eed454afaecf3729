using Wms.Training;
using Wms.Training.Demo;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Demo;

/// <summary>
/// What `wms demo` did and where the results are: printed as a table or JSON, and saved as demo.json.
/// The model and predictions folders are null when training was cancelled.
/// </summary>
public sealed record DemoSummary(
    string Status,
    string Directory,
    string DataDirectory,
    int Pairs,
    string RunDirectory,
    int ImageSize,
    int Epochs,
    int BestEpoch,
    int TrainPairs,
    int ValPairs,
    int TestPairs,
    double? TestDice,
    double? TestIou,
    double? TestHausdorff,
    double? TestPixelAccuracy,
    IReadOnlyList<string> Plots,
    string MetricsFile,
    string? ModelDirectory,
    string? PredictionsDirectory,
    IReadOnlyList<DemoPhoto> Predictions,
    IReadOnlyDictionary<string, double> Seconds)
{
    public static DemoSummary From(DemoResult r)
    {
        var t = r.Training;
        var completed = t.Status == TrainingStatus.Completed;
        var plots = System.IO.Directory.Exists(t.RunDirectory)
            ? System.IO.Directory.EnumerateFiles(t.RunDirectory, "*.png").Order(StringComparer.Ordinal).ToList()
            : [];
        var photos = r.Predictions.Select(p => new DemoPhoto(
            Path.Combine(r.Data.ImagesDirectory, p.File),
            p.Mask is null ? null : Path.Combine(r.PredictionsDirectory, p.Mask),
            p.Overlay is null ? null : Path.Combine(r.PredictionsDirectory, p.Overlay),
            p.CoveragePercent, p.Error)).ToList();
        return new DemoSummary(completed ? "completed" : "cancelled", r.Directory, r.Data.Directory, r.Data.Count,
            t.RunDirectory, t.Run.Options.ImageSize, t.Result.History.Count, t.Result.BestEpoch,
            t.Run.Split.Train.Count, t.Run.Split.Validation.Count, t.Run.Split.Test.Count,
            t.Test?.Dice, t.Test?.Iou, t.Test?.Hausdorff, t.Test?.PixelAccuracy,
            plots, Path.Combine(t.RunDirectory, RunFolder.MetricsFileName), NullIfEmpty(r.ModelDirectory), NullIfEmpty(r.PredictionsDirectory), photos,
            r.Timings.ToDictionary(p => p.Key, p => p.Value));
    }

    private static string? NullIfEmpty(string path) => path.Length == 0 ? null : path;
}
