using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using Spectre.Console;
using Wms.Cli.Commands.Training;
using Wms.Cli.Output;
using Wms.Cli.Pipeline;
using Wms.Core;
using Wms.Training;
using Wms.Training.Configuration;

namespace Wms.Cli.Commands.Pipeline;

/// <summary>`wms pipeline run --new DIR`: the whole flow, resumable; exit 0 when promoted, <see cref="ExitCodes.GateNotImproved"/> when Production is kept.</summary>
internal sealed class PipelineRunCommand : BaseCommand
{
    private static readonly Option<string> NewOption = new("--new") { Description = "Folder with the new photos (images/) and masks (masks/)", Required = true };
    private static readonly Option<string> DataOption = new("--data") { Description = "The data set to merge into and train on", DefaultValueFactory = _ => "data" };
    private static readonly Option<string?> ConfigOption = new("--config") { Description = "YAML training config (the original's keys; see configs/default.yaml); embedded defaults otherwise" };
    private static readonly Option<double> MinDeltaOption = new("--min-delta") { Description = "The new model must beat Production by more than this on Dice and on IoU", DefaultValueFactory = _ => 0 };
    private static readonly Option<string> RunsOption = new("--runs") { Description = "Folder for training run folders", DefaultValueFactory = _ => "runs" };
    private static readonly Option<string> ExportOption = new("--export") { Description = "Model folder the promoted model is exported to", DefaultValueFactory = _ => Path.Combine("models", "production") };
    private static readonly Option<string?> RecordDirOption = new("--record-dir") { Description = "Also write production_current.json and production_history.jsonl here on promotion" };
    private static readonly Option<string> StateDirOption = new("--state-dir") { Description = "Pipeline runs keep state.json, summary.json and summary.md in <state-dir>/<pipeline id>/", DefaultValueFactory = _ => Path.Combine(".wms", "pipelines") };
    private static readonly Option<string?> SummaryOption = new("--summary") { Description = "Also write the summary to this file (Markdown for a .md name, else JSON)" };
    private static readonly Option<bool> NoPushOption = new("--no-push") { Description = "Record the data version but do not push it to the DVC remote" };

    private readonly Workspace _workspace;
    private readonly PipelineRunner _runner;
    private readonly IEnumerable<IPipelineObserver> _observers;
    private readonly GitHubActions _actions;

    public PipelineRunCommand(IConsoleUi ui, Workspace workspace, PipelineRunner runner, IEnumerable<IPipelineObserver> observers, GitHubActions actions)
        : base("run", "Merge new data into the data set, validate, train, gate against Production; if better: promote, record the data version (.dvc, pushed to the "
            + "DVC remote), export the model; else keep Production and say why. Running the same command again resumes: finished steps with the same inputs are skipped. "
            + "Exit 0 when promoted, 4 when Production is kept.", ui)
    {
        (_workspace, _runner, _observers, _actions) = (workspace, runner, observers, actions);
        foreach (var option in (Option[])[NewOption, DataOption, ConfigOption, .. TrainingCommandOptions.All, MinDeltaOption, RunsOption, ExportOption, RecordDirOption, StateDirOption, SummaryOption, NoPushOption])
            Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var configFile = parseResult.GetValue(ConfigOption) is { } c ? _workspace.Resolve(c) : null;
        var minDelta = parseResult.GetValue(MinDeltaOption);
        if (!(minDelta >= 0)) throw new WmsException($"--min-delta: must be 0 or more, not {minDelta}");
        var options = TrainingCommandOptions.Resolve(parseResult, configFile, _workspace.Resolve);
        TrainingCommandOptions.WarnAboutCompute(options, Ui.Warn);
        var request = new PipelineRequest(
            _workspace.Resolve(parseResult.GetValue(NewOption)!),
            _workspace.Resolve(parseResult.GetValue(DataOption)!),
            options,
            configFile,
            _workspace.Resolve(parseResult.GetValue(StateDirOption)!),
            _workspace.Resolve(parseResult.GetValue(RunsOption)!),
            _workspace.Resolve(parseResult.GetValue(ExportOption)!),
            parseResult.GetValue(RecordDirOption) is { } r ? _workspace.Resolve(r) : null,
            minDelta,
            Push: !parseResult.GetValue(NoPushOption));

        // Where the results go is checked now, not after the training.
        OutputPaths.CheckFolder(request.ExportDirectory, ExportOption.Name, "the exported model");
        if (parseResult.GetValue(SummaryOption) is { } summaryFile)
            OutputPaths.CheckFile(_workspace.Resolve(summaryFile), SummaryOption.Name, "the summary");

        var console = new ConsolePipelineObserver(Ui, _observers);
        var summary = await _runner.RunAsync(request, console, console, cancellationToken);
        var markdown = PipelineMarkdown.Render(summary);
        if (parseResult.GetValue(SummaryOption) is { } file)
        {
            var path = _workspace.Resolve(file);
            AtomicFile.WriteAllText(path, path.EndsWith(".md", StringComparison.OrdinalIgnoreCase)
                ? markdown : JsonSerializer.Serialize(summary, PipelineJsonContext.Default.PipelineSummary));
        }
        _actions.WriteOutputs(Outputs(summary));
        _actions.AppendSummary(markdown);

        if (parseResult.IsJson()) Ui.WriteJson(summary, PipelineJsonContext.Default.PipelineSummary);
        else Ui.Out.Profile.Out.Writer.Write(markdown);
        if (summary.IsPromoted)
        {
            Ui.Success($"model version {summary.ModelVersion} is Production; summary in {Path.GetDirectoryName(summary.StateFile)}");
            return ExitCodes.Success;
        }
        Ui.Warn($"Production kept: {summary.Reason}");
        return ExitCodes.GateNotImproved;
    }

    /// <summary>The step outputs a workflow branches on; the same names as `wms gate` and `wms promote` write.</summary>
    private static (string Key, string Value)[] Outputs(PipelineSummary s)
    {
        static string Score(double? value) => value?.ToString("0.0000", CultureInfo.InvariantCulture) ?? "none";
        return
        [
            ("improved", s.IsPromoted ? "true" : "false"),
            ("decision", s.Decision),
            ("pipeline_id", s.PipelineId),
            ("run_id", s.RunId),
            ("dice", Score(s.Metrics.CandidateDice)),
            ("iou", Score(s.Metrics.CandidateIou)),
            ("baseline_dice", Score(s.Metrics.BaselineDice)),
            ("baseline_iou", Score(s.Metrics.BaselineIou)),
            ("model_version", s.ModelVersion?.ToString(CultureInfo.InvariantCulture) ?? ""),
        ];
    }

}
