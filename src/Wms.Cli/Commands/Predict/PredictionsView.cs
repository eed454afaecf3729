using System.Globalization;
using Spectre.Console;
using Wms.Cli.Output;
using Wms.Core.Predictions;

namespace Wms.Cli.Commands.Predict;

/// <summary>`wms predict` for people: a table of photos on stdout, failures and the summary on stderr.</summary>
internal static class PredictionsView
{
    public static void Render(IConsoleUi ui, PredictionsReport report, string file)
    {
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Photo", "Size", "Coverage %", "Counter box (x, y, w, h)", "Latency ms", "Mask");
        foreach (var p in report.Predictions)
        {
            table.AddRow(
                Markup.Escape(p.File),
                p.Width is { } w ? $"{w}x{p.Height}" : "-",
                p.CoveragePercent?.ToString("0.00", CultureInfo.InvariantCulture) ?? "-",
                p.Box is { } b ? $"{b.X}, {b.Y}, {b.Width}, {b.Height}" : p.Succeeded ? "none found" : "-",
                p.LatencyMs?.ToString("0", CultureInfo.InvariantCulture) ?? "-",
                p.Succeeded ? Markup.Escape(p.Mask!) : "[red]failed[/]");
        }
        ui.Out.Write(table);
        foreach (var p in report.Predictions.Where(p => !p.Succeeded)) ui.Error($"{p.File}: {p.Error}");
        var summary = $"{report.Succeeded} of {report.Photos} photos predicted in {report.ElapsedMs / 1000:0.0} s; masks in {report.OutputDirectory}, summary in {file}";
        if (report.Failed == 0) ui.Success(summary);
        else ui.Warn($"{report.Failed} failed. {summary}");
    }
}
