using System.CommandLine;
using Spectre.Console;
using Wms.Cli.Commands.Registry.Views;
using Wms.Cli.Output;
using Wms.Core;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms runs compare A B ...`: params and final metrics side by side.</summary>
internal sealed class RunsCompareCommand : BaseCommand
{
    private readonly RegistryServices _services;
    private readonly Argument<string[]> _runs = new("runs") { Description = "Two or more run ids", Arity = ArgumentArity.OneOrMore };

    public RunsCompareCommand(RegistryServices services, IConsoleUi ui)
        : base("compare", "Compare runs side by side: every param and the latest value of every metric; differing params are highlighted", ui)
    {
        _services = services;
        Arguments.Add(_runs);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var ids = parseResult.GetValue(_runs)!.Select(r => r.Trim()).ToList();
        if (ids.Count < 2) throw new WmsException("give at least two run ids to compare");
        var runs = new List<Core.Tracking.Run>();
        foreach (var id in ids) runs.Add(await _services.Tracking.GetRunAsync(id, cancellationToken));
        var versions = await _services.Registry.ListModelVersionsAsync(_services.ModelName, cancellationToken);

        var parameters = runs.SelectMany(r => r.Params.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(key => Row(key, runs.Select(r => r.Params.GetValueOrDefault(key)).ToList())).ToList();
        var metrics = runs.SelectMany(r => r.Metrics.Keys).Distinct().Order(StringComparer.Ordinal)
            .Select(key => new ComparedMetric(key, runs.Select(r => r.GetMetric(key)).ToList(),
                runs.Select(r => r.GetMetric(key)).Distinct().Count() > 1)).ToList();
        var view = new RunComparisonView(runs.Select(r => RegistryViews.RunSummary(r, versions)).ToList(), parameters, metrics);
        if (parseResult.IsJson())
        {
            Ui.WriteJson(view, RegistryJson.Info<RunComparisonView>());
            return ExitCodes.Success;
        }
        var table = new Table().Border(TableBorder.Rounded).AddColumn("");
        foreach (var r in runs) table.AddColumn(Markup.Escape($"{r.Info.RunName}\n{r.Info.RunId[..Math.Min(8, r.Info.RunId.Length)]}"));
        foreach (var p in parameters)
            table.AddRow([p.Differs ? $"[yellow]{Markup.Escape(p.Key)}[/]" : Markup.Escape(p.Key), .. p.Values.Select(Format.Escape)]);
        if (parameters.Count > 0 && metrics.Count > 0) table.AddEmptyRow();
        foreach (var m in metrics)
            table.AddRow([Markup.Escape(m.Key), .. m.Values.Select(Format.Score)]);
        Ui.Out.Write(table);
        return ExitCodes.Success;
    }

    private static ComparedParam Row(string key, IReadOnlyList<string?> values) => new(key, values, values.Distinct().Count() > 1);
}
