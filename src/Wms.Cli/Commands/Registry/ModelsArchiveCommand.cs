using System.CommandLine;
using Wms.Cli.Output;
using Wms.Core.Registry;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms models archive VERSION`: retire a version (the Production one only with --force).</summary>
internal sealed class ModelsArchiveCommand : BaseCommand
{
    private readonly RegistryServices _services;
    private readonly Argument<string> _reference = new("version") { Description = "A version number or an alias" };
    private readonly Option<string?> _reason = PromotionOutput.ReasonOption();
    private readonly Option<string?> _recordDir = PromotionOutput.RecordDirOption();
    private readonly Option<bool> _force = new("--force") { Description = "Also archive the Production version, leaving no Production model (serving then has none to load)" };

    public ModelsArchiveCommand(RegistryServices services, IConsoleUi ui)
        : base("archive", "Move a version to stage Archived; refused for the Production version unless --force", ui)
    {
        _services = services;
        Arguments.Add(_reference);
        Options.Add(_reason);
        Options.Add(_force);
        Options.Add(_recordDir);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        PromotionOutput.CheckRecordDir(_services, parseResult.GetValue(_recordDir));
        var version = await _services.Registry.ResolveAsync(_services.ModelName, parseResult.GetValue(_reference)!, cancellationToken);
        var outcome = await _services.Promoter().ArchiveAsync(version.Version, _services.Actor(), parseResult.GetValue(_reason),
            parseResult.GetValue(_force), cancellationToken);
        return await PromotionOutput.WriteAsync(Ui, parseResult, _services, outcome, parseResult.GetValue(_recordDir), cancellationToken);
    }
}
