using System.CommandLine;
using System.Diagnostics;
using Microsoft.Extensions.Options;
using Wms.Cli.Commands.Data;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Inference;
using Wms.Core.Predictions;

namespace Wms.Cli.Commands.Predict;

/// <summary>
/// `wms predict [PATHS...]`: masks for a batch of photos from the cached Production model (or
/// --model), with predictions.json; a bad photo is reported and the rest go on.
/// </summary>
internal sealed class PredictCommand : BaseCommand, ITopLevelCommand
{
    private static readonly Argument<string[]> Paths = new("paths")
    {
        Description = "Photos (JPEG, PNG) or folders of photos (default: Predict:Input, photos_to_predict)",
        Arity = ArgumentArity.ZeroOrMore,
    };

    private static readonly Option<string?> Out = new("--out", "-o")
    {
        Description = "Where mask_<stem>.png, overlays and predictions.json go (default: Predict:Output, predicted_masks)",
    };

    private static readonly Option<string?> ModelPath = new("--model", "-m")
    {
        Description = "An ONNX file, a model folder or a model cache (default: the cache of `wms model pull`, Predict:ModelCache, models/production)",
    };

    private static readonly Option<bool?> Overlay = new("--overlay")
    {
        Description = "Also write overlay_<stem>.jpg (.png for PNG photos): the photo with the mask tinted",
    };

    private static readonly Option<MaskSize?> MaskSizeOption = new("--mask-size")
    {
        Description = "Mask files at the photo's size (default, Predict:MaskSize) or at 512x512, as the API returns them whatever size the model runs at",
    };

    private static readonly Option<int?> Threads = new("--threads", "-t")
    {
        Description = "Cores to use (default: Predict:Threads, 0 = all)",
    };

    private static readonly Option<int?> Parallel = new("--parallel")
    {
        Description = "Photos predicted at once, sharing --threads (default: Predict:Parallel, 0 = one per thread)",
    };

    private readonly Workspace _workspace;
    private readonly PredictOptions _options;
    private readonly TimeProvider _time;

    public PredictCommand(IConsoleUi ui, Workspace workspace, IOptions<PredictOptions> options, TimeProvider time)
        : base("predict", "Predict counter masks for photos with the cached Production model (offline) or --model; writes mask_<stem>.png and predictions.json", ui)
    {
        (_workspace, _options, _time) = (workspace, options.Value, time);
        Arguments.Add(Paths);
        Options.Add(Out);
        Options.Add(ModelPath);
        Options.Add(Overlay);
        Options.Add(MaskSizeOption);
        Options.Add(Threads);
        Options.Add(Parallel);
    }

    public Command Command => this;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var json = parseResult.IsJson();
        var output = _workspace.Resolve(parseResult.GetValue(Out) ?? _options.Output);
        var named = parseResult.GetValue(Paths) is { Length: > 0 } given ? given : [_options.Input];
        var selection = PhotoInputs.Collect(named, _workspace, output);
        foreach (var skipped in selection.Skipped) Ui.Warn($"skipped {skipped.File}: {skipped.Reason}");
        if (selection.Photos.Count == 0)
            throw WmsException.NotFound($"no photos to predict in {string.Join(", ", named)} ({selection.Skipped.Count} entries skipped)");

        var plan = ThreadPlan.For(parseResult.GetValue(Threads) ?? _options.Threads, parseResult.GetValue(Parallel) ?? _options.Parallel, selection.Photos.Count);
        var model = PredictionModelLoader.Load(_workspace, parseResult.GetValue(ModelPath), _options.ModelCache, new InferenceOptions
        {
            IntraOpThreads = plan.IntraOpThreads,
            // Idle ORT threads spinning would take the cores the other photos decode and encode on.
            AllowSpinning = plan.PhotosInParallel == 1,
            // A batch gains nothing from a warm-up: the first photo pays the same cost once.
            WarmUp = false,
        });
        using var engine = model.Engine;
        if (!json)
            Ui.Info($"{selection.Photos.Count} photos with {Describe(model.Description)} ({plan.PhotosInParallel} at once, {plan.IntraOpThreads} inference threads each)");

        var options = new BatchPredictionOptions
        {
            OutputDirectory = output,
            MaskSize = parseResult.GetValue(MaskSizeOption) ?? _options.MaskSize,
            Overlay = parseResult.GetValue(Overlay) ?? _options.Overlay,
            PhotosInParallel = plan.PhotosInParallel,
        };
        var start = Stopwatch.GetTimestamp();
        var results = await ProgressBridge.RunAsync(Ui, json, "Predicting",
            progress => BatchPredictor.Run(engine, selection.Photos, options, progress, cancellationToken));
        var failed = results.Count(r => !r.Succeeded);
        var report = new PredictionsReport(_time.GetUtcNow(), model.Description, output, options.MaskSize.ToString().ToLowerInvariant(),
            results.Count, results.Count - failed, failed, Math.Round(Stopwatch.GetElapsedTime(start).TotalMilliseconds, 1), results, selection.Skipped);
        var file = PredictionsFile.Write(report);

        if (json) Ui.WriteJson(report, PredictionsJsonContext.Default.PredictionsReport);
        else PredictionsView.Render(Ui, report, file);
        return failed == 0 ? ExitCodes.Success : ExitCodes.PartialFailure;
    }

    private static string Describe(PredictionModel model) => model.Kind switch
    {
        "cache" => $"{model.ModelName} version {model.Version} (cached at {model.Path})",
        _ => model.Path,
    };
}
