using System.CommandLine;
using Spectre.Console;
using Wms.Cli.Commands.Registry.Views;
using Wms.Cli.Output;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms models list`: every version with stage, aliases, Dice, IoU and creation time.</summary>
internal sealed class ModelsListCommand : BaseCommand
{
    private readonly RegistryServices _services;

    public ModelsListCommand(RegistryServices services, IConsoleUi ui)
        : base("list", "List the versions of the registered model, newest first, with stage, aliases, test Dice and IoU", ui) => _services = services;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var view = await BuildAsync(_services, cancellationToken);
        if (parseResult.IsJson())
        {
            Ui.WriteJson(view, RegistryJson.Info<ModelListView>());
            return ExitCodes.Success;
        }
        if (view.Versions.Count == 0)
        {
            Ui.Info($"model '{view.Model}' has no versions yet ({view.Store}); register one with 'wms promote --run ID'");
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("Version", "Stage", "Aliases", "Dice", "IoU", "Created (UTC)", "Run");
        foreach (var v in view.Versions)
            table.AddRow(v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Stage, Format.Escape(Format.List(v.Aliases)),
                Format.Score(v.Dice), Format.Score(v.Iou), Format.Time(v.CreatedAt), Format.Escape(v.RunId));
        Ui.Out.Write(table);
        return ExitCodes.Success;
    }

    /// <summary>The versions with their runs' test metrics (shared with `wms metrics --all`).</summary>
    internal static async Task<ModelListView> BuildAsync(RegistryServices services, CancellationToken cancellationToken)
    {
        var versions = await services.Registry.ListModelVersionsAsync(services.ModelName, cancellationToken);
        var runs = await services.RunsOfAsync(versions, cancellationToken);
        return new ModelListView(services.ModelName, services.Registry.Location,
            versions.Select(v => RegistryViews.Version(v, v.RunId is { } id ? runs.GetValueOrDefault(id) : null)).ToList());
    }
}
