namespace Wms.Cli.Commands.Registry.Views;

/// <summary>`wms runs list --format json`.</summary>
public sealed record RunListView(string Experiment, string Store, IReadOnlyList<RunSummaryView> Runs);
