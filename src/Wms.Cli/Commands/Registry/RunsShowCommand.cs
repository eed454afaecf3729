using System.CommandLine;
using Spectre.Console;
using Wms.Cli.Commands.Registry.Views;
using Wms.Cli.Output;
using Wms.Core.Tracking;

namespace Wms.Cli.Commands.Registry;

/// <summary>`wms runs show ID`: one run's params, latest metrics, tags, artifacts and registered versions.</summary>
internal sealed class RunsShowCommand : BaseCommand
{
    private readonly RegistryServices _services;
    private readonly Argument<string> _run = new("run") { Description = "Run id" };

    public RunsShowCommand(RegistryServices services, IConsoleUi ui)
        : base("show", "Show one run: status, params, latest metrics, tags, top-level artifacts and the versions registered from it", ui)
    {
        _services = services;
        Arguments.Add(_run);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var run = await _services.Tracking.GetRunAsync(parseResult.GetValue(_run)!.Trim(), cancellationToken);
        var artifacts = await _services.Tracking.ListArtifactsAsync(run.Info.RunId, cancellationToken: cancellationToken);
        var versions = await _services.Registry.ListModelVersionsAsync(_services.ModelName, cancellationToken);
        var view = new RunDetailView(run.Info.RunId, run.Info.RunName, RegistryViews.Status(run.Info.Status), run.Info.ExperimentId,
            run.Info.StartTime, run.Info.EndTime, run.Info.ArtifactUri,
            run.Params.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
            run.Metrics.Values.OrderBy(m => m.Key, StringComparer.Ordinal).Select(m => new MetricView(m.Key, m.Value, m.Step, m.Timestamp)).ToList(),
            run.Tags.Where(t => t.Key != LoggedModelHistory.TagKey).OrderBy(t => t.Key, StringComparer.Ordinal).ToDictionary(t => t.Key, t => t.Value),
            artifacts.Select(a => new ArtifactView(a.Path, a.IsDirectory, a.Size)).ToList(),
            versions.Where(v => v.RunId == run.Info.RunId).Select(v => v.Version).Order().ToList());
        if (parseResult.IsJson())
        {
            Ui.WriteJson(view, RegistryJson.Info<RunDetailView>());
            return ExitCodes.Success;
        }
        Ui.Out.Write(Format.Fields(
            ("Run", view.RunId), ("Name", view.Name), ("Status", view.Status), ("Experiment", view.ExperimentId),
            ("Started (UTC)", Format.Time(view.StartedAt)), ("Ended (UTC)", Format.Time(view.EndedAt)),
            ("Artifacts", view.ArtifactUri),
            ("Versions", Format.List(view.ModelVersions.Select(v => v.ToString(System.Globalization.CultureInfo.InvariantCulture))))));
        var metrics = new Table().Border(TableBorder.Rounded).AddColumns("Metric", "Latest", "Step");
        foreach (var m in view.Metrics) metrics.AddRow(Markup.Escape(m.Key), Format.Score(m.Value), m.Step.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (view.Metrics.Count > 0) Ui.Out.Write(metrics);
        var parameters = new Table().Border(TableBorder.Rounded).AddColumns("Param", "Value");
        foreach (var (key, value) in view.Params) parameters.AddRow(Markup.Escape(key), Markup.Escape(value));
        if (view.Params.Count > 0) Ui.Out.Write(parameters);
        var files = new Table().Border(TableBorder.Rounded).AddColumns("Artifact", "Size");
        foreach (var a in view.Artifacts) files.AddRow(Markup.Escape(a.IsDirectory ? a.Path + "/" : a.Path), a.Size?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "");
        if (view.Artifacts.Count > 0) Ui.Out.Write(files);
        return ExitCodes.Success;
    }
}
