using System.CommandLine;
using Spectre.Console;
using Wms.Cli.Commands.Registry.Views;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Registry;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms metrics`: the Production model's test metrics and the original's rating; --all for every version.</summary>
internal sealed class MetricsCommand : BaseCommand, ITopLevelCommand
{
    private readonly RegistryServices _services;
    private readonly Option<bool> _all = new("--all") { Description = "Every version, not only Production" };

    public MetricsCommand(RegistryServices services, IConsoleUi ui)
        : base("metrics", "Show the Production model's test Dice, IoU and Hausdorff with a rating (Dice >= 0.85 EXCELLENT, >= 0.70 GOOD, >= 0.50 MEDIOCRE, else POOR)", ui)
    {
        _services = services;
        Options.Add(_all);
    }

    public Command Command => this;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(_all)) return await AllAsync(parseResult, cancellationToken);
        var production = await _services.Registry.FindProductionVersionAsync(_services.ModelName, cancellationToken)
            ?? throw WmsException.NotFound($"model '{_services.ModelName}' has no Production model ({_services.Registry.Location}); promote one with 'wms promote --run ID'");
        var run = await _services.FindRunAsync(production.RunId, cancellationToken);
        var dice = run?.GetMetric(ModelMetrics.Dice);
        var view = new ProductionMetricsView(production.Name, production.Version, production.RunId, production.Stage.ToString(), production.Aliases,
            dice, run?.GetMetric(ModelMetrics.Iou), run?.GetMetric(ModelMetrics.Hausdorff), RegistryViews.Rating(dice),
            RegistryViews.Latest(run).Where(m => m.Key.StartsWith("final_", StringComparison.Ordinal)).ToDictionary(m => m.Key, m => m.Value));
        if (parseResult.IsJson())
        {
            Ui.WriteJson(view, RegistryJson.Info<ProductionMetricsView>());
            return ExitCodes.Success;
        }
        Ui.Out.Write(Format.Fields(
            ("Model", $"{view.Model} version {view.Version} ({Format.List(view.Aliases)})"),
            ("Run", view.RunId),
            ("Test Dice", Format.Score(view.Dice)),
            ("Test IoU", Format.Score(view.Iou)),
            ("Test Hausdorff", Format.Score(view.Hausdorff)),
            ("Rating", view.Rating ?? "unknown (the run has no final_test_dice)")));
        return ExitCodes.Success;
    }

    private async Task<int> AllAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var view = await ModelsListCommand.BuildAsync(_services, cancellationToken);
        if (parseResult.IsJson())
        {
            Ui.WriteJson(view, RegistryJson.Info<ModelListView>());
            return ExitCodes.Success;
        }
        if (view.Versions.Count == 0)
        {
            Ui.Info($"model '{view.Model}' has no versions yet ({view.Store})");
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumns("Version", "Stage", "Aliases", "Dice", "IoU", "Rating");
        foreach (var v in view.Versions)
            table.AddRow(v.Version.ToString(System.Globalization.CultureInfo.InvariantCulture), v.Stage, Format.Escape(Format.List(v.Aliases)),
                Format.Score(v.Dice), Format.Score(v.Iou), v.Rating ?? "-");
        Ui.Out.Write(table);
        return ExitCodes.Success;
    }
}
