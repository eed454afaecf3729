using System.Globalization;
using Spectre.Console;
using Wms.Cli.Output;
using Wms.Core.DataQuality;

namespace Wms.Cli.Commands.Data;

/// <summary>The human form of a data-quality report: summary, statistics, then every problem by check.</summary>
internal static class ValidationReportView
{
    public static void Render(IConsoleUi ui, string directory, DataQualityReport report)
    {
        var s = report.Statistics;
        var summary = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn("");
        summary.AddRow("data set", Markup.Escape(directory));
        summary.AddRow("status", report.Passed ? "[green]PASS[/]" : "[red]FAIL[/]");
        summary.AddRow("photos / masks / valid pairs", $"{report.ImageCount} / {report.MaskCount} / {report.ValidPairs}");
        if (s.MedianCoveragePercent is { } median)
        {
            summary.AddRow("mask coverage", string.Create(CultureInfo.InvariantCulture,
                $"median {median:F2} %, std {s.StdCoveragePercent:F2} %, MAD {s.MadCoveragePercent:F2} %, min {s.MinCoveragePercent:F2} %, max {s.MaxCoveragePercent:F2} %"));
        }
        if (s.MedianCentroid is [var x, var y])
            summary.AddRow("mask centre (median)", string.Create(CultureInfo.InvariantCulture, $"x {x:F2}, y {y:F2} of width, height"));
        summary.AddRow("resolutions (HxW)", Markup.Escape(string.Join(", ", s.Resolutions.Take(6).Select(r => $"{r.Key}: {r.Value}"))
            + (s.Resolutions.Count > 6 ? $", ... ({s.Resolutions.Count} sizes)" : "")));
        summary.AddRow("EXIF-rotated photos", s.ExifRotatedImages.ToString(CultureInfo.InvariantCulture));
        summary.AddRow("errors / warnings", $"{report.Errors.Count} / {report.Warnings.Count}");
        ui.Out.Write(summary);

        foreach (var group in report.Problems)
        {
            var colour = group.Severity == "error" ? "red" : "yellow";
            ui.Out.MarkupLine($"[{colour}]{group.Severity.ToUpperInvariant()}[/] {Markup.Escape(group.Title)} ({group.Count}) [grey]{group.Check}[/]");
            foreach (var item in group.Items)
                ui.Out.MarkupLine("  " + Markup.Escape(item));
        }
    }
}
