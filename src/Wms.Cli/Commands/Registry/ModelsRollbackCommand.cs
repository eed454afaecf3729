using System.CommandLine;
using Wms.Cli.Output;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms models rollback`: the version with alias 'previous' back to Production.</summary>
internal sealed class ModelsRollbackCommand : BaseCommand
{
    private readonly RegistryServices _services;
    private readonly Option<string?> _reason = PromotionOutput.ReasonOption();
    private readonly Option<string?> _recordDir = PromotionOutput.RecordDirOption();

    public ModelsRollbackCommand(RegistryServices services, IConsoleUi ui)
        : base("rollback", "Put the version with alias 'previous' back in Production; the current one becomes Archived with alias 'previous' (a second rollback undoes the first)", ui)
    {
        _services = services;
        Options.Add(_reason);
        Options.Add(_recordDir);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        PromotionOutput.CheckRecordDir(_services, parseResult.GetValue(_recordDir));
        var outcome = await _services.Promoter().RollbackAsync(_services.Actor(), parseResult.GetValue(_reason), cancellationToken);
        return await PromotionOutput.WriteAsync(Ui, parseResult, _services, outcome, parseResult.GetValue(_recordDir), cancellationToken);
    }
}
