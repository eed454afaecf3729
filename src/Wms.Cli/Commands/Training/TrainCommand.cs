using System.CommandLine;
using Microsoft.Extensions.Options;
using Wms.Cli.Output;
using Wms.Cli.Tracking;
using Wms.Core;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Liveness;
using Wms.Training;
using Wms.Training.Configuration;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Training;

/// <summary>`wms train`: trains the U-Net on a data folder and writes a run folder.</summary>
public sealed class TrainCommand : BaseCommand, ITopLevelCommand
{
    private static readonly Option<string?> ConfigOption = new("--config") { Description = "YAML training config (the original's keys; see configs/default.yaml). Defaults are used for keys left out" };
    private static readonly Option<string> DataOption = new("--data") { Description = "Data folder with images/ and masks/ (paired by file stem)", DefaultValueFactory = _ => "data" };
    private static readonly Option<string?> OutOption = new("--out")
    {
        Description = "Run folder to create (default: runs/<UTC timestamp>). When it exists already, the run goes inside it " +
            "as <out>/<UTC timestamp>, so the same --out (CI's `--out runs`) works every time",
    };
    private static readonly Option<bool> NoTrackOption = new("--no-track")
    {
        Description = "Do not log the run in the tracking store (.wms/ or MLflow): only the run folder is written, even with the tracker down",
    };

    private readonly Workspace _workspace;
    private readonly TrainingRun _run;
    private readonly IEnumerable<ITrainingObserver> _observers;
    private readonly TimeProvider _time;
    private readonly ITrackingStore _tracking;
    private readonly TrackingOptions _trackingOptions;
    private readonly GitHubActions _actions;

    public TrainCommand(IConsoleUi ui, Workspace workspace, TrainingRun run, IEnumerable<ITrainingObserver> observers, TimeProvider time,
        ITrackingStore tracking, IOptions<TrackingOptions> trackingOptions, GitHubActions actions)
        : base("train", "Train the U-Net on photos and masks: writes best.pth, best.dat, metrics.json and train.log into a run folder, " +
            "and logs the run (params, every epoch's metrics, final_test_*, files and the model) in the tracking store (.wms/ or MLflow). " +
            "Ctrl+C stops after the current batch and keeps the best weights so far (exit 130; the tracked run ends KILLED).", ui)
    {
        _workspace = workspace;
        _run = run;
        _observers = observers;
        _time = time;
        _tracking = tracking;
        _trackingOptions = trackingOptions.Value;
        _actions = actions;
        Options.Add(ConfigOption);
        Options.Add(DataOption);
        foreach (var option in TrainingCommandOptions.All) Options.Add(option);
        Options.Add(OutOption);
        Options.Add(NoTrackOption);
    }

    public Command Command => this;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configFile = parseResult.GetValue(ConfigOption) is { } c ? _workspace.Resolve(c) : null;
        var options = TrainingCommandOptions.Resolve(parseResult, configFile, _workspace.Resolve);
        var data = _workspace.Resolve(parseResult.GetValue(DataOption)!);
        var output = OutputFolder(parseResult.GetValue(OutOption));
        TrainingCommandOptions.WarnAboutCompute(options, Ui.Warn);

        // --no-track: the run folder only; the tracking store (and a tracker that is down) is not touched.
        TrainingTracker? tracker = null;
        if (!parseResult.GetValue(NoTrackOption))
        {
            await ReconcileStaleRunsAsync(cancellationToken);
            tracker = new TrainingTracker(_tracking, _trackingOptions.ExperimentName, _workspace, _time, Ui.Warn);
        }
        ITrainingObserver[] observers = tracker is null ? [.. _observers] : [.. _observers, tracker];
        var request = new TrainingRequest(data, output, options, configFile);
        // JSON mode prints nothing but the summary (STYLE.md), so no progress bar there.
        var outcome = parseResult.IsJson()
            ? await _run.RunAsync(request, new CompositeObserver(observers), cancellationToken)
            : await Ui.WithProgressAsync("Training", progress =>
                _run.RunAsync(request, new CompositeObserver([new TrainingProgress(progress), .. observers]), cancellationToken));

        var summary = TrainSummary.From(outcome, tracker?.RunId);
        if (tracker?.RunId is { } runId)
        {
            _actions.WriteOutputs(("run_id", runId));
            Ui.Info($"Tracked as run {runId} ({tracker.Location})");
        }
        if (parseResult.IsJson())
            Ui.WriteJson(summary, TrainJsonContext.Default.TrainSummary);
        else
            Ui.Out.Write(summary.ToTable());

        if (outcome.Status == TrainingStatus.Cancelled)
        {
            Ui.Warn(outcome.Result.HasBestWeights
                ? $"cancelled; the best weights so far (epoch {outcome.Result.BestEpoch}) are in {outcome.RunDirectory}"
                : $"cancelled before the first epoch finished; nothing worth keeping in {outcome.RunDirectory}");
            return ExitCodes.Cancelled;
        }
        Ui.Success($"Run written to {outcome.RunDirectory}");
        return ExitCodes.Success;
    }

    /// <summary>
    /// --out, or runs/&lt;UTC timestamp&gt;. A folder that exists already (a folder of runs, or an
    /// earlier run) gets the new run inside it, under a timestamp: a CI job that passes the same
    /// --out every time never collides with the previous run and never touches its files.
    /// </summary>
    private string OutputFolder(string? option)
    {
        var timestamp = Path.GetFileName(RunFolder.DefaultName(_time.GetUtcNow()));
        if (option is null) return _workspace.Resolve(RunFolder.DefaultName(_time.GetUtcNow()));
        var output = _workspace.Resolve(option);
        return Directory.Exists(output) ? Path.Combine(output, timestamp) : output;
    }

    /// <summary>Runs a killed training left RUNNING end as KILLED now; the tracker being down must not stop a training.</summary>
    private async Task ReconcileStaleRunsAsync(CancellationToken cancellationToken)
    {
        try
        {
            if (await _tracking.FindExperimentAsync(_trackingOptions.ExperimentName, cancellationToken) is not { } experiment) return;
            foreach (var runId in await new StaleRunReconciler(_tracking, _time).ReconcileAsync(experiment.ExperimentId, cancellationToken: cancellationToken))
                Ui.Warn($"run {runId} was left RUNNING by a training that no longer runs; marked KILLED");
        }
        catch (WmsException e)
        {
            Ui.Warn($"tracking: could not check for runs left RUNNING ({e.Message})");
        }
    }

}
