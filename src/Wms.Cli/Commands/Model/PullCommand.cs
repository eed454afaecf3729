using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Wms.Cli.Commands.Predict;
using Wms.Cli.Commands.Registry;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.LocalModels;
using Wms.Core.Registry;
using Wms.Core.Tracking;

namespace Wms.Cli.Commands.Model;

/// <summary>`wms model pull`: the Production model from the registry into a local cache, for offline `wms predict`.</summary>
internal sealed class PullCommand : BaseCommand
{
    private static readonly Option<bool> Force = new("--force", "-f")
    {
        Description = "Download even when the cache is intact and current",
    };

    private static readonly Option<string?> Alias = new("--alias")
    {
        Description = "What to fetch: an alias (production: the alias, else the newest version in stage Production), a stage or a version number (default: Predict:Alias, production)",
    };

    private static readonly Option<string?> Dir = new("--dir")
    {
        Description = "The cache folder (default: Predict:ModelCache, models/production)",
    };

    private readonly IModelRegistry _registry;
    private readonly ITrackingStore _tracking;
    private readonly TimeProvider _time;
    private readonly Workspace _workspace;
    private readonly PredictOptions _options;
    private readonly string _modelName;

    public PullCommand(IConsoleUi ui, IModelRegistry registry, ITrackingStore tracking, TimeProvider time, Workspace workspace,
        IOptions<PredictOptions> options, IOptions<TrackingOptions> trackingOptions)
        : base("pull", "Fetch the Production model from the registry into a local cache (verified by SHA-256) for offline `wms predict`", ui)
    {
        (_registry, _tracking, _time, _workspace, _options) = (registry, tracking, time, workspace, options.Value);
        _modelName = trackingOptions.Value.ModelName;
        Options.Add(Force);
        Options.Add(Alias);
        Options.Add(Dir);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var directory = _workspace.Resolve(parseResult.GetValue(Dir) ?? _options.ModelCache);
        var reference = parseResult.GetValue(Alias) ?? _options.Alias;
        if (string.IsNullOrWhiteSpace(reference)) throw new WmsException("--alias: must not be empty");
        var puller = new ModelPuller(_registry, _tracking, _time);
        var result = await puller.PullAsync(new PullRequest(_modelName, reference, directory, parseResult.GetValue(Force)), cancellationToken);

        var output = PullOutput.From(result, directory);
        if (parseResult.IsJson()) Ui.WriteJson(output, ModelJsonContext.Default.PullOutput);
        else Render(result, directory);
        return ExitCodes.Success;
    }

    private void Render(PullResult result, string directory)
    {
        var cache = result.Cache;
        var shown = Path.GetRelativePath(_workspace.Root, directory);
        Ui.Out.Write(Format.Fields(
            ("Model", cache.ModelName),
            ("Version", cache.Version.ToString(CultureInfo.InvariantCulture)),
            ("Run", cache.RunId),
            ("Stage (when pulled)", cache.Stage),
            ("Source", cache.Source),
            ("Registry", cache.Registry),
            ("Dice", Format.Score(cache.Metrics.TryGetValue(ModelMetrics.Dice, out var dice) ? dice : null)),
            ("IoU", Format.Score(cache.Metrics.TryGetValue(ModelMetrics.Iou, out var iou) ? iou : null)),
            ("Pulled (UTC)", Format.Time(cache.PulledAt)),
            ("Cache", directory),
            ("ONNX SHA-256", cache.OnnxSha256)));
        var registryVersion = result.RegistryVersion?.Version.ToString(CultureInfo.InvariantCulture);
        switch (result.Outcome)
        {
            case PullOutcome.Downloaded:
                if (result.Note is not null) Ui.Warn($"replaced a broken cache: {result.Note}");
                Ui.Success($"pulled {cache.ModelName} version {cache.Version} ({cache.Alias}) into {shown}");
                break;
            case PullOutcome.UpToDate:
                Ui.Success($"{shown} holds version {cache.Version}, which is '{cache.Alias}' in the registry: up to date");
                break;
            case PullOutcome.UpdateAvailable:
                Ui.Warn($"the registry's '{cache.Alias}' is now version {registryVersion} ({result.RegistryVersion!.Stage}); {shown} holds version {cache.Version}. Run `wms model pull --force` to fetch it");
                break;
            case PullOutcome.RegistryUnreachable:
                Ui.Warn($"could not check the registry ({result.Note}); {shown} (version {cache.Version}) is intact and stays in use");
                break;
        }
    }
}
