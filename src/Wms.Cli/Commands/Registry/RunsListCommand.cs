using System.CommandLine;
using Spectre.Console;
using Wms.Cli.Commands.Registry.Views;
using Wms.Cli.Output;
using Wms.Core.Tracking.Liveness;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms runs list`: the experiment's runs, newest first.</summary>
internal sealed class RunsListCommand : BaseCommand
{
    private readonly RegistryServices _services;
    private readonly Option<string?> _experiment = new("--experiment") { Description = "Experiment name (default: Tracking:ExperimentName, water-meter-segmentation)" };
    private readonly Option<int> _limit = new("--limit") { Description = "At most this many runs", DefaultValueFactory = _ => 20 };

    public RunsListCommand(RegistryServices services, IConsoleUi ui)
        : base("list", "List the experiment's runs, newest first, with status, duration, test Dice and IoU and registered versions", ui)
    {
        _services = services;
        Options.Add(_experiment);
        Options.Add(_limit);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var name = parseResult.GetValue(_experiment) ?? _services.ExperimentName;
        var limit = parseResult.GetValue(_limit);
        if (limit < 1) throw new Core.WmsException($"--limit must be at least 1, not {limit}");
        var experiment = await _services.Tracking.FindExperimentAsync(name, cancellationToken);
        if (experiment is not null)
        {
            // Runs a killed training left RUNNING are shown as what they are: KILLED.
            foreach (var runId in await new StaleRunReconciler(_services.Tracking, _services.Time).ReconcileAsync(experiment.ExperimentId, cancellationToken: cancellationToken))
                Ui.Warn($"run {runId} was left RUNNING by a training that no longer runs; marked KILLED");
        }
        var runs = experiment is null ? [] : await _services.Tracking.SearchRunsAsync(experiment.ExperimentId, limit, cancellationToken);
        var versions = runs.Count == 0 ? [] : await _services.Registry.ListModelVersionsAsync(_services.ModelName, cancellationToken);
        var view = new RunListView(name, _services.Tracking.Location, runs.Select(r => RegistryViews.RunSummary(r, versions)).ToList());
        if (parseResult.IsJson())
        {
            Ui.WriteJson(view, RegistryJson.Info<RunListView>());
            return ExitCodes.Success;
        }
        if (view.Runs.Count == 0)
        {
            Ui.Info($"experiment '{name}' has no runs ({view.Store})");
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Run", "Name", "Status", "Started (UTC)", "Minutes", "Dice", "IoU", "Versions");
        foreach (var r in view.Runs)
            table.AddRow(r.RunId, Format.Escape(r.Name), r.Status, Format.Time(r.StartedAt),
                r.DurationSeconds is { } s ? (s / 60).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "-",
                Format.Score(r.Dice), Format.Score(r.Iou), Format.List(r.ModelVersions.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        Ui.Out.Write(table);
        return ExitCodes.Success;
    }
}
