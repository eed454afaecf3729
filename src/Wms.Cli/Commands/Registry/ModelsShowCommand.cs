using System.CommandLine;
using Spectre.Console;
using Wms.Cli.Commands.Registry.Views;
using Wms.Cli.Output;
using Wms.Core.Registry;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms models show VERSION|ALIAS`: one version, its tags and its run's metrics and params.</summary>
internal sealed class ModelsShowCommand : BaseCommand
{
    private readonly RegistryServices _services;
    private readonly Argument<string> _reference = new("version") { Description = "A version number (3), an alias (production, previous) or a stage (Production)" };

    public ModelsShowCommand(RegistryServices services, IConsoleUi ui)
        : base("show", "Show one version of the registered model: stage, aliases, tags, and its run's metrics and params", ui)
    {
        _services = services;
        Arguments.Add(_reference);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var version = await _services.Registry.ResolveAsync(_services.ModelName, parseResult.GetValue(_reference)!, cancellationToken);
        var view = RegistryViews.Detail(version, await _services.FindRunAsync(version.RunId, cancellationToken));
        if (parseResult.IsJson())
        {
            Ui.WriteJson(view, RegistryJson.Info<ModelDetailView>());
            return ExitCodes.Success;
        }
        Ui.Out.Write(Format.Fields(
            ("Model", view.Model),
            ("Version", view.Version.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ("Stage", view.Stage),
            ("Aliases", Format.List(view.Aliases)),
            ("Status", view.Status),
            ("Run", view.RunId is null ? null : $"{view.RunId} ({view.RunName ?? "deleted"})"),
            ("Source", view.Source),
            ("Created (UTC)", Format.Time(view.CreatedAt)),
            ("Dice", Format.Score(view.Dice)),
            ("IoU", Format.Score(view.Iou)),
            ("Rating", view.Rating),
            ("Description", view.Description)));
        WritePairs("Tag", view.Tags);
        WritePairs("Metric", view.Metrics.ToDictionary(m => m.Key, m => Format.Score(m.Value)));
        WritePairs("Param", view.Params);
        return ExitCodes.Success;
    }

    private void WritePairs(string kind, IReadOnlyDictionary<string, string> pairs)
    {
        if (pairs.Count == 0) return;
        var table = new Table().Border(TableBorder.Rounded).AddColumn(kind).AddColumn("Value");
        foreach (var (key, value) in pairs) table.AddRow(Markup.Escape(key), Markup.Escape(value));
        Ui.Out.Write(table);
    }
}
