using System.CommandLine;
using Wms.Cli.Output;
using Wms.Core.Registry;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms models promote VERSION`: make an existing version Production.</summary>
internal sealed class ModelsPromoteCommand : BaseCommand
{
    private readonly RegistryServices _services;
    private readonly Argument<string> _reference = new("version") { Description = "A version number or an alias" };
    private readonly Option<string?> _reason = PromotionOutput.ReasonOption();
    private readonly Option<string?> _recordDir = PromotionOutput.RecordDirOption();

    public ModelsPromoteCommand(RegistryServices services, IConsoleUi ui)
        : base("promote", "Make an existing version Production; the current one becomes Archived with alias 'previous'", ui)
    {
        _services = services;
        Arguments.Add(_reference);
        Options.Add(_reason);
        Options.Add(_recordDir);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        PromotionOutput.CheckRecordDir(_services, parseResult.GetValue(_recordDir));
        var version = await _services.Registry.ResolveAsync(_services.ModelName, parseResult.GetValue(_reference)!, cancellationToken);
        var outcome = await _services.Promoter().PromoteVersionAsync(version.Version, _services.Actor(), parseResult.GetValue(_reason), cancellationToken);
        return await PromotionOutput.WriteAsync(Ui, parseResult, _services, outcome, parseResult.GetValue(_recordDir), cancellationToken);
    }
}
