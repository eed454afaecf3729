using System.CommandLine;
using System.Globalization;
using Microsoft.Extensions.Options;
using Spectre.Console;
using Wms.Cli.Gate;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Evaluation;
using Wms.Core.Inference;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Training;
using Wms.Training.Configuration;
using Wms.Training.Data;

namespace Wms.Cli.Commands.Gate;

/// <summary>`wms eval --model M --data DIR`: a stored model's Dice, IoU, Hausdorff and pixel accuracy on a split of a data folder.</summary>
internal sealed class EvalCommand : BaseCommand, ITopLevelCommand
{
    private static readonly string[] Splits = ["test", "val", "train", "all"];

    private static readonly Option<string> ModelOption = new("--model")
    {
        Description = "A model folder, a pulled cache folder, an .onnx, U-Net weights (.pth/.pt/.dat), or a registry reference " +
            "(models:/water-meter-segmentation@production, models:/water-meter-segmentation/3, 3, production)",
        Required = true,
    };
    private static readonly Option<string> DataOption = new("--data") { Description = "Data folder with images/ and masks/", DefaultValueFactory = _ => "data" };
    private static readonly Option<string> SplitOption = new("--split")
    {
        Description = "Which photos: the test, val or train part of the split wms train makes with --seed and the config's ratios, or all",
        DefaultValueFactory = _ => "test",
    };
    private static readonly Option<int?> SeedOption = new("--seed")
    {
        Description = "The seed the model was trained with (as wms train --seed; default 42, or for weights in a run folder the photos its metrics.json lists)",
    };
    private static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "The training config: its data.*_split ratios and model.input_size (for weights files). Default for weights in a run folder: " +
            "its config.yaml",
    };
    private static readonly Option<int> MaskSizeOption = MaskSizeOptions.Create();
    private static readonly Option<int> WorstOption = new("--worst") { Description = "How many of the worst photos to list", DefaultValueFactory = _ => 10 };
    private static readonly Option<string?> PostprocessOption = new("--postprocess")
    {
        Description = "Mask post-processing: none or largest_region (default: what the model records; for weights files, the --config's model.postprocess)",
    };
    private static readonly Option<string?> ReportOption = new("--report") { Description = "Folder for report.md, worst.png (photo | truth | prediction) and per_photo.csv" };

    private readonly Workspace _workspace;
    private readonly IModelRegistry _registry;
    private readonly TrackingOptions _tracking;

    public EvalCommand(Workspace workspace, IModelRegistry registry, IOptions<TrackingOptions> tracking, IConsoleUi ui)
        : base("eval", "Evaluate a model on photos with true masks (ONNX Runtime, the training's preprocessing): Dice, IoU, Hausdorff and " +
            "pixel accuracy per photo and on average, the worst photos listed; --report writes a markdown report with a grid of them", ui)
    {
        _workspace = workspace;
        _registry = registry;
        _tracking = tracking.Value;
        foreach (var option in new Option[] { ModelOption, DataOption, SplitOption, SeedOption, ConfigOption, MaskSizeOption, PostprocessOption, WorstOption, ReportOption })
            Options.Add(option);
    }

    public Command Command => this;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var split = parseResult.GetValue(SplitOption)!.Trim().ToLowerInvariant();
        if (!Splits.Contains(split)) throw new WmsException($"--split: unknown split '{split}' (use {string.Join(", ", Splits)})");
        var maskSize = parseResult.GetValue(MaskSizeOption);
        if (parseResult.GetValue(ReportOption) is { } reportFolder)
            Output.OutputPaths.CheckFolder(_workspace.Resolve(reportFolder), ReportOption.Name, "the report");
        var worst = parseResult.GetValue(WorstOption);
        if (worst < 0) throw new WmsException($"--worst must be 0 or more, not {worst}");
        var modelReference = parseResult.GetValue(ModelOption)!.Trim();
        var configFile = parseResult.GetValue(ConfigOption);
        var run = configFile is null ? RunSettings.Beside(_workspace.Resolve(modelReference)) : null;
        var config = configFile is not null ? TrainingConfigFile.Load(_workspace.Resolve(configFile)) : run?.Options ?? new TrainingOptions();
        var seedOption = parseResult.GetValue(SeedOption);
        int? seed = seedOption ?? config.Seed;
        MaskPostprocess? postprocess = parseResult.GetValue(PostprocessOption) is { } name ? MaskPostprocessNames.ParseOption(PostprocessOption.Name, name) : null;

        var data = _workspace.Resolve(parseResult.GetValue(DataOption)!);
        var all = DatasetFolder.Scan(data);
        List<EvaluationPair> pairs;
        if (run is not null && seedOption is null && split != "all")
        {
            // The photos the run's metrics.json lists: exact, whatever was added to the folder since.
            (var stems, seed) = run.RecordedSplit(split);
            pairs = RecordedPhotos.Find(all.ToDictionary(p => p.Stem, StringComparer.Ordinal), stems, data, $"the {split} photos {run.MetricsFile} lists");
            Ui.Info($"the run's settings: {run.ConfigFile}, and the {stems.Count} {split} photos {run.MetricsFile} lists");
        }
        else
        {
            pairs = Select(all, split, config.Split, seed.Value);
            if (run is not null) Ui.Info($"the run's settings: {run.ConfigFile}, with seed {seed}");
        }
        using var model = await EvalModel.OpenAsync(modelReference, _workspace, _registry, _tracking.ModelName,
            config.ImageSize, config.Postprocess, cancellationToken);
        using var engine = SegmentationEngine.Load(model.Package, new InferenceOptions { WarmUp = false, Postprocess = postprocess });
        var evaluator = new ModelEvaluator(engine, new EvaluationOptions { MaskSize = maskSize });

        var evaluation = parseResult.IsJson()
            ? await Task.Run(() => evaluator.Evaluate(pairs, cancellationToken: cancellationToken), cancellationToken)
            : await Ui.WithProgressAsync("Evaluating", progress =>
            {
                progress.SetTotal(pairs.Count);
                return Task.Run(() => evaluator.Evaluate(pairs, (done, _) => progress.SetValue(done), cancellationToken), cancellationToken);
            });

        var splitSeed = split == "all" ? null : seed;
        var view = EvalView.From(model.Description, evaluation, engine.Postprocess, data, split, splitSeed, worst, null);
        if (parseResult.GetValue(ReportOption) is { } reportOption)
        {
            var report = EvalReport.Write(_workspace.Resolve(reportOption), view, evaluation, evaluator, worst);
            view = view with { Report = report };
        }

        if (parseResult.IsJson())
        {
            Ui.WriteJson(view, GateJsonContext.Default.EvalView);
            return ExitCodes.Success;
        }
        WriteTables(view);
        if (view.Report is { } written) Ui.Success($"report written to {written}");
        return ExitCodes.Success;
    }

    private static List<EvaluationPair> Select(IReadOnlyList<SamplePair> all, string split, SplitRatios ratios, int seed)
    {
        IEnumerable<SamplePair> chosen = all;
        if (split != "all")
        {
            var parts = DatasetSplit.Create(all.Select(p => p.Stem), ratios, seed);
            var stems = (split switch { "test" => parts.Test, "val" => parts.Validation, _ => parts.Train }).ToHashSet(StringComparer.Ordinal);
            chosen = all.Where(p => stems.Contains(p.Stem));
        }
        return chosen.Select(p => new EvaluationPair(p.Stem, p.PhotoPath, p.MaskPath)).ToList();
    }

    private void WriteTables(EvalView view)
    {
        var s = view.Summary;
        var summary = new Table().Border(TableBorder.Rounded).AddColumns("Photos", "Dice", "IoU", "Hausdorff (px)", "Pixel accuracy");
        summary.AddRow(view.Photos.ToString(CultureInfo.InvariantCulture), F(s.Dice), F(s.Iou), F(s.Hausdorff, "0.00"), F(s.PixelAccuracy));
        Ui.Out.Write(summary);
        if (view.Worst.Count == 0) return;
        var worst = new Table().Border(TableBorder.Rounded).Title($"{view.Worst.Count} worst photos").AddColumns("Photo", "Dice", "IoU", "Hausdorff (px)", "Pixel accuracy");
        foreach (var p in view.Worst) worst.AddRow(Markup.Escape(p.Stem), F(p.Dice), F(p.Iou), F(p.Hausdorff, "0.00"), F(p.PixelAccuracy));
        Ui.Out.Write(worst);
        Ui.Info($"{view.Model} (input {view.ModelImageSize}x{view.ModelImageSize}) on {view.Photos} photos of {view.DataDirectory} ({view.Split}), masks at {view.MaskSize}x{view.MaskSize}, " +
                $"post-processing {view.Postprocess}");
    }

    private static string F(double value, string format = "0.0000") =>
        double.IsNaN(value) ? "NaN" : value.ToString(format, CultureInfo.InvariantCulture);
}
