using System.Globalization;
using System.Text;
using Spectre.Console;
using Wms.Cli.Gate;

namespace Wms.Cli.Commands.Gate;

/// <summary>The gate's table, its GitHub outputs and its markdown job summary (the pipeline reuses them).</summary>
public static class GateReport
{
    public static Table Table(GateResult r)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumn("").AddColumn(Markup.Escape($"Candidate (run {r.RunId})"))
            .AddColumn(Markup.Escape(r.Baseline is { } b ? $"Production (version {b.Version})" : "Production (none)"));
        foreach (var (name, candidate, baseline) in Rows(r))
            table.AddRow(Markup.Escape(name), candidate, baseline);
        return table;
    }

    public static (string Key, string Value)[] Outputs(GateResult r) =>
    [
        ("improved", r.Passed ? "true" : "false"),
        ("dice", Score(r.Candidate.Scores.Dice)),
        ("iou", Score(r.Candidate.Scores.Iou)),
        ("run_id", r.RunId),
        ("baseline_dice", r.Baseline is null ? "none" : Score(r.Baseline.Scores.Dice)),
        ("baseline_iou", r.Baseline is null ? "none" : Score(r.Baseline.Scores.Iou)),
    ];

    public static string Markdown(GateResult r)
    {
        var verdict = r.Decision switch
        {
            GateDecision.Improved => "passed (better than Production)",
            GateDecision.FirstModel => "passed (first model)",
            GateDecision.NotImproved => "not improved",
            _ => "failed (baseline error)",
        };
        var text = new StringBuilder()
            .Append(CultureInfo.InvariantCulture, $"### Quality gate: {verdict}\n\n")
            .Append(CultureInfo.InvariantCulture, $"Candidate run `{r.RunId}`; both models evaluated now on its {r.TestPhotos} test photos from `{r.DataDirectory}` at {r.MaskSize}x{r.MaskSize}")
            .Append(r.MinDelta > 0 ? string.Create(CultureInfo.InvariantCulture, $"; required margin {r.MinDelta:0.####}.\n\n") : ".\n\n")
            .Append(CultureInfo.InvariantCulture, $"| | Candidate | {(r.Baseline is { } b ? $"Production (version {b.Version})" : "Production (none)")} |\n|---|---|---|\n");
        foreach (var (name, candidate, baseline) in Rows(r))
            text.Append(CultureInfo.InvariantCulture, $"| {name} | {candidate} | {baseline} |\n");
        return text.Append(CultureInfo.InvariantCulture, $"\n{r.Reason}\n").ToString();
    }

    private static IEnumerable<(string Name, string Candidate, string Baseline)> Rows(GateResult r)
    {
        var c = r.Candidate.Scores;
        var b = r.Baseline?.Scores;
        yield return ("Dice (re-evaluated)", Score(c.Dice), Score(b?.Dice));
        yield return ("IoU (re-evaluated)", Score(c.Iou), Score(b?.Iou));
        yield return ("Hausdorff (re-evaluated)", Score(c.Hausdorff, "0.00"), Score(b?.Hausdorff, "0.00"));
        yield return ("Pixel acc. (re-evaluated)", Score(c.PixelAccuracy), Score(b?.PixelAccuracy));
        yield return ("Dice (stored)", Score(c.StoredDice), Score(b?.StoredDice));
        yield return ("IoU (stored)", Score(c.StoredIou), Score(b?.StoredIou));
        yield return ("Input size", Size(r.Candidate.ImageSize), Size(r.Baseline?.ImageSize));
    }

    private static string Size(int? size) => size is { } s ? $"{s}x{s}" : "-";

    private static string Score(double? value, string format = "0.0000") => value switch
    {
        null => "-",
        { } v when double.IsNaN(v) => "NaN",
        { } v => v.ToString(format, CultureInfo.InvariantCulture),
    };
}
