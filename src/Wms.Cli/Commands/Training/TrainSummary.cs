using Spectre.Console;
using Spectre.Console.Rendering;
using Wms.Training;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Training;

/// <summary>What `wms train` prints at the end (a table, or this record as JSON).</summary>
public sealed record TrainSummary(
    string Status,
    string StopReason,
    string RunDirectory,
    int Epochs,
    int BestEpoch,
    double? BestValLoss,
    double? FinalTestDice,
    double? FinalTestIou,
    double? FinalTestHausdorff,
    double? FinalTestPixelAccuracy,
    int TrainPairs,
    int ValPairs,
    int TestPairs,
    double Seconds,
    string? RunId)
{
    public static TrainSummary From(TrainingOutcome o, string? runId = null) => new(
        o.Status == TrainingStatus.Completed ? "completed" : "cancelled",
        StopReasonNames.Of(o.Result.StopReason),
        o.RunDirectory,
        o.Result.History.Count,
        o.Result.BestEpoch,
        o.Result.HasBestWeights ? o.Result.BestValidationLoss : null,
        o.Test?.Dice,
        o.Test?.Iou,
        o.Test?.Hausdorff,
        o.Test?.PixelAccuracy,
        o.Run.Split.Train.Count,
        o.Run.Split.Validation.Count,
        o.Run.Split.Test.Count,
        Math.Round((o.FinishedAt - o.Run.StartedAt + o.DataLoadingTime).TotalSeconds, 1),
        runId);

    public IRenderable ToTable()
    {
        var table = new Table().AddColumn("").AddColumn("");
        table.HideHeaders();
        void Row(string name, string value) => table.AddRow(Markup.Escape(name), Markup.Escape(value));
        Row("status", $"{Status} ({StopReason})");
        Row("run folder", RunDirectory);
        Row("tracking run", RunId ?? "-");
        Row("pairs (train/val/test)", $"{TrainPairs}/{ValPairs}/{TestPairs}");
        Row("epochs (best)", $"{Epochs} ({BestEpoch})");
        Row("best val loss", F(BestValLoss, "F4"));
        Row("final_test_dice", F(FinalTestDice, "F4"));
        Row("final_test_iou", F(FinalTestIou, "F4"));
        Row("final_test_hausdorff", F(FinalTestHausdorff, "F2"));
        Row("final_test_pixel_accuracy", F(FinalTestPixelAccuracy, "F4"));
        Row("time", $"{Seconds:F1} s");
        return table;
    }

    private static string F(double? value, string format) =>
        value?.ToString(format, System.Globalization.CultureInfo.InvariantCulture) ?? "-";
}
