using System.CommandLine;
using Wms.Cli.Output;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms promote --run ID`: register the run's model and make it Production (idempotent).</summary>
internal sealed class PromoteCommand : BaseCommand, ITopLevelCommand
{
    private readonly RegistryServices _services;
    private readonly GitHubActions _actions;
    private readonly Option<string> _run = new("--run") { Description = "The run whose 'model' artifact becomes Production", Required = true };
    private readonly Option<string?> _reason = PromotionOutput.ReasonOption();
    private readonly Option<string?> _recordDir = PromotionOutput.RecordDirOption();

    public PromoteCommand(RegistryServices services, GitHubActions actions, IConsoleUi ui)
        : base("promote", "Register a run's model as a new version and make it Production (alias 'production', stage Production); the previous one becomes Archived with alias 'previous'. Promoting the same run again changes nothing.", ui)
    {
        _services = services;
        _actions = actions;
        Options.Add(_run);
        Options.Add(_reason);
        Options.Add(_recordDir);
    }

    public Command Command => this;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        PromotionOutput.CheckRecordDir(_services, parseResult.GetValue(_recordDir));
        var outcome = await _services.Promoter().PromoteRunAsync(parseResult.GetValue(_run)!.Trim(), _services.Actor(),
            parseResult.GetValue(_reason), cancellationToken);
        // The pipeline's deploy job takes the version from here (steps.promote.outputs.model_version).
        _actions.WriteOutputs(("model_version", outcome.Version.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        return await PromotionOutput.WriteAsync(Ui, parseResult, _services, outcome, parseResult.GetValue(_recordDir), cancellationToken);
    }
}
