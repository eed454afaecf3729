using System.CommandLine;
using Wms.Cli.Gate;
using Wms.Cli.Output;
using Wms.Core;

namespace Wms.Cli.Commands.Gate;

/// <summary>`wms gate --run ID`: is the run's model better than Production on the same photos?</summary>
internal sealed class GateCommand : BaseCommand, ITopLevelCommand
{
    private static readonly Option<string> RunOption = new("--run") { Description = "The candidate: the run just trained (its id)", Required = true };
    private static readonly Option<double> MinDeltaOption = new("--min-delta")
    {
        Description = "Dice and IoU must each beat Production's by more than this", DefaultValueFactory = _ => 0,
    };
    private static readonly Option<string?> DataOption = new("--data") { Description = "Data folder with the run's test photos (default: the folder the run trained on)" };
    private static readonly Option<int> MaskSizeOption = MaskSizeOptions.Create();

    private readonly QualityGate _gate;
    private readonly GitHubActions _actions;
    private readonly Workspace _workspace;

    public GateCommand(QualityGate gate, GitHubActions actions, Workspace workspace, IConsoleUi ui)
        : base("gate", "Quality gate: evaluate the run's model and the Production model on the run's test photos; pass when Dice and IoU are both " +
            $"strictly better (exit 0; also for the first model), exit {ExitCodes.GateNotImproved} when not. Writes GitHub outputs and a job summary when run in Actions.", ui)
    {
        _gate = gate;
        _actions = actions;
        _workspace = workspace;
        Options.Add(RunOption);
        Options.Add(MinDeltaOption);
        Options.Add(DataOption);
        Options.Add(MaskSizeOption);
    }

    public Command Command => this;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var maskSize = parseResult.GetValue(MaskSizeOption);
        var data = parseResult.GetValue(DataOption) is { } d ? _workspace.Resolve(d) : null;
        var request = new GateRequest(parseResult.GetValue(RunOption)!.Trim(), parseResult.GetValue(MinDeltaOption), data, maskSize);
        var result = await _gate.EvaluateAsync(request, Ui.Info, cancellationToken);

        _actions.WriteOutputs(GateReport.Outputs(result));
        _actions.AppendSummary(GateReport.Markdown(result));
        if (parseResult.IsJson()) Ui.WriteJson(GateView.From(result), GateJsonContext.Default.GateView);
        else Ui.Out.Write(GateReport.Table(result));

        switch (result.Decision)
        {
            case GateDecision.Improved or GateDecision.FirstModel:
                Ui.Success($"gate passed: {result.Reason}");
                return ExitCodes.Success;
            case GateDecision.NotImproved:
                Ui.Warn($"gate not passed: {result.Reason}");
                return ExitCodes.GateNotImproved;
            default:
                Ui.Error($"gate failed: {result.Reason}");
                var code = ExitCodes.For(result.ErrorKind ?? WmsErrorKind.InvalidInput);
                return code == ExitCodes.Success ? ExitCodes.UnexpectedError : code;
        }
    }
}
