using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Wms.Cli.Commands.Demo;

/// <summary>The demo's summary as a table: each step, what it produced, and where.</summary>
internal static class DemoView
{
    public static IRenderable Render(DemoSummary s)
    {
        var table = new Table().AddColumns("step", "result", "where").Border(TableBorder.Rounded);
        void Row(string step, string result, string where) =>
            table.AddRow(Markup.Escape(step), Markup.Escape(result), Markup.Escape(where));
        Row("synthetic data", $"{s.Pairs} photo/mask pairs ({Seconds(s, "data")})", s.DataDirectory);
        Row("training", $"{s.Epochs} epochs at {s.ImageSize}x{s.ImageSize}, best epoch {s.BestEpoch}, " +
            $"{s.TrainPairs}/{s.ValPairs}/{s.TestPairs} train/val/test ({Seconds(s, "training")})", s.RunDirectory);
        Row("test (best weights)", $"Dice {F(s.TestDice, "F4")}  IoU {F(s.TestIou, "F4")}  " +
            $"Hausdorff {F(s.TestHausdorff, "F2")}  pixel accuracy {F(s.TestPixelAccuracy, "F4")}", s.MetricsFile);
        Row("plots", string.Join(", ", s.Plots.Select(Path.GetFileName)), s.RunDirectory);
        if (s.ModelDirectory is not null)
            Row("model (ONNX)", $"exported and checked against TorchSharp ({Seconds(s, "export")})", s.ModelDirectory);
        if (s.PredictionsDirectory is not null)
            Row("predictions", $"{s.Predictions.Count(p => p.Error is null)} test photos: masks and overlays ({Seconds(s, "predictions")})",
                s.PredictionsDirectory);
        return table;
    }

    private static string Seconds(DemoSummary s, string step) =>
        s.Seconds.TryGetValue(step, out var seconds) ? seconds.ToString("F1", CultureInfo.InvariantCulture) + " s" : "-";

    private static string F(double? value, string format) => value?.ToString(format, CultureInfo.InvariantCulture) ?? "-";
}
