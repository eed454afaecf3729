namespace Wms.Cli.Commands.Registry.Views;

/// <summary>`wms runs compare A B ... --format json`: one row per param or metric, one value per run (null when absent).</summary>
public sealed record RunComparisonView(
    IReadOnlyList<RunSummaryView> Runs,
    IReadOnlyList<ComparedParam> Params,
    IReadOnlyList<ComparedMetric> Metrics);
