using System.Globalization;
using System.Text;
using System.Text.Json;
using Wms.Core;
using Wms.Core.DataQuality;

namespace Wms.Cli.Commands.Data;

/// <summary>
/// Writes a data-quality report for --report: JSON (the original's shape), or Markdown when the
/// file name ends in .md, e.g. for CI to post as a comment.
/// </summary>
internal static class ReportFile
{
    public static void Write(string path, string directory, DataQualityReport report)
    {
        var text = path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
            ? Markdown(directory, report)
            : JsonSerializer.Serialize(report, DataJsonContext.Relaxed.DataQualityReport) + "\n";
        AtomicFile.WriteAllText(path, text);
    }

    private static string Markdown(string directory, DataQualityReport report)
    {
        var s = report.Statistics;
        var md = new StringBuilder();
        md.Append(CultureInfo.InvariantCulture, $"## Data quality: {report.Status}\n\n");
        md.Append(CultureInfo.InvariantCulture, $"`{directory}`: {report.ImageCount} photos, {report.MaskCount} masks, {report.ValidPairs} valid pairs; ");
        md.Append(CultureInfo.InvariantCulture, $"{report.Errors.Count} errors, {report.Warnings.Count} warnings.\n\n");
        if (s.MedianCoveragePercent is { } median)
            md.Append(CultureInfo.InvariantCulture, $"Mask coverage: median {median:F2} %, std {s.StdCoveragePercent:F2} %. ");
        md.Append("Resolutions (HxW): ").Append(string.Join(", ", s.Resolutions.Select(r => $"{r.Key} ({r.Value})"))).Append("\n\n");
        foreach (var group in report.Problems)
        {
            md.Append(CultureInfo.InvariantCulture, $"### {(group.Severity == "error" ? "Error" : "Warning")}: {group.Title} ({group.Count})\n\n");
            foreach (var item in group.Items) md.Append("- `").Append(item.Replace("`", "'", StringComparison.Ordinal)).Append("`\n");
            md.Append('\n');
        }
        return md.ToString();
    }
}
