using System.Globalization;
using System.Text;

namespace Wms.Cli.Pipeline;

/// <summary>The summary as markdown (summary.md, the GitHub job summary, a PR body).</summary>
public static class PipelineMarkdown
{
    public static string Render(PipelineSummary s)
    {
        var m = s.Metrics;
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"# Pipeline run {s.PipelineId}: {(s.IsPromoted ? "new model promoted" : "Production kept")}");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"**Decision:** {(s.IsPromoted ? "promoted" : "kept Production")}. {s.Reason}");
        text.AppendLine();
        text.AppendLine("| Data (photo/mask pairs) | count |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| existing | {s.Data.Existing} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| new | {s.Data.New} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| total | {s.Data.Total} |");
        text.AppendLine();
        var baseline = m.BaselineVersion is { } v ? $"Production (version {v})" : "Production (none)";
        text.AppendLine(CultureInfo.InvariantCulture, $"| Metric ({m.TestPhotos} test photos, same for both) | candidate | {baseline} | change |");
        text.AppendLine("|---|---:|---:|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| Dice | {F(m.CandidateDice)} | {F(m.BaselineDice)} | {Delta(m.CandidateDice, m.BaselineDice)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| IoU | {F(m.CandidateIou)} | {F(m.BaselineIou)} | {Delta(m.CandidateIou, m.BaselineIou)} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Run `{s.RunId}` ({s.RunDirectory}); training's own test split: Dice {F(m.FinalTestDice)}, IoU {F(m.FinalTestIou)}.");
        if (s.ModelVersion is { } version)
            text.AppendLine(CultureInfo.InvariantCulture, $"Model version {version} is Production{(s.PreviousVersion is { } p ? $" (version {p} archived)" : "")}; exported to {s.ExportDirectory}.");
        if (s.DataVersion.Count > 0)
            text.AppendLine(CultureInfo.InvariantCulture, $"Data version: {string.Join(", ", s.DataVersion.Select(f => $"{f.Path} ({f.Oid})"))}{(s.DataRemote is { } r ? $", pushed to '{r}'" : "")}.");
        if (s.DataNote is { } note) text.AppendLine(CultureInfo.InvariantCulture, $"Data: {note}.");
        text.AppendLine();
        text.AppendLine("| Step | status |");
        text.AppendLine("|---|---|");
        foreach (var step in s.Steps) text.AppendLine(CultureInfo.InvariantCulture, $"| {step.Step} | {step.Status.Replace('_', ' ')} |");
        return text.ToString();
    }

    private static string F(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "-";

    private static string Delta(double? candidate, double? baseline) =>
        candidate is { } c && baseline is { } b ? (c - b).ToString("+0.0000;-0.0000;0.0000", CultureInfo.InvariantCulture) : "-";
}
