using Wms.Core.Imaging;
using Wms.Core.Reporting;
using Wms.Training.Data;

namespace Wms.Training.Runs;

/// <summary>The run folder's PNG plots: loss, Dice and IoU curves, and test photos with true and predicted masks.</summary>
internal static class RunPlots
{
    public const string LossFile = "loss.png";
    public const string DiceFile = "dice.png";
    public const string IouFile = "iou.png";
    public const string PredictionsFile = "test_predictions.png";

    /// <summary>Writes the plots there is data for; returns their file names.</summary>
    public static IReadOnlyList<string> Write(string directory, TrainingResult result, LossKind loss, IReadOnlyDictionary<string, CachedSample> samples)
    {
        var written = new List<string>();
        var history = result.History;
        if (history.Count > 0)
        {
            (double, string)? best = result.HasBestWeights ? (result.BestEpoch, $"best (epoch {result.BestEpoch})") : null;
            // An epoch that was not validated is a gap the validation line is drawn across.
            Curve(directory, LossFile, "Loss", LossLabel(loss), history.Select(e => e.Train.Loss), history.Select(e => e.Validation?.Loss ?? double.NaN), null, best);
            Curve(directory, DiceFile, "Dice", "Dice", history.Select(e => e.Train.Dice), history.Select(e => e.Validation?.Dice ?? double.NaN), (0, 1), best);
            Curve(directory, IouFile, "IoU", "IoU", history.Select(e => e.Train.Iou), history.Select(e => e.Validation?.Iou ?? double.NaN), (0, 1), best);
            written.AddRange([LossFile, DiceFile, IouFile]);
        }
        if (result.Test is { } test && result.TestPredictions.Count > 0)
        {
            var dice = test.Samples.ToDictionary(s => s.Stem, s => s.Metrics.Dice);
            var rows = result.TestPredictions.Select(p =>
            {
                var sample = samples[p.Key];
                return new GridRow($"{p.Key}  Dice {dice[p.Key]:F3}", sample.Photo,
                    new GrayImage(sample.Size, sample.Size, sample.Mask), new GrayImage(sample.Size, sample.Size, p.Value));
            }).ToList();
            new ImageGrid(rows) { Title = "Test photos, best weights" }.Save(Path.Combine(directory, PredictionsFile));
            written.Add(PredictionsFile);
        }
        return written;
    }

    /// <summary>The loss plot's axis names the loss the run minimised (it said BCE for BCE + Dice runs too).</summary>
    public static string LossLabel(LossKind loss) => loss switch
    {
        LossKind.BceDice => "BCE + (1 - soft Dice)",
        LossKind.BceTversky => "BCE + (1 - soft Tversky)",
        LossKind.Bce => "BCE with logits",
        _ => throw new ArgumentOutOfRangeException(nameof(loss), loss, "a loss without a plot label"),
    };

    private static void Curve(string directory, string file, string title, string yLabel,
        IEnumerable<double> train, IEnumerable<double> validation, (double, double)? range, (double, string)? best) =>
        new LineChart(title, "epoch", yLabel, [new("train", train.ToList()), new("val", validation.ToList()) { JoinGaps = true }])
        {
            YRange = range,
            Marker = best,
        }.Save(Path.Combine(directory, file));
}
