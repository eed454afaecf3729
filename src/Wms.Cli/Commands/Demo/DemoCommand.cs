using System.CommandLine;
using System.Text.Json;
using Wms.Cli.Commands.Training;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Training;
using Wms.Training.Demo;
using Wms.Training.Runs;

namespace Wms.Cli.Commands.Demo;

/// <summary>`wms demo`: the whole job on embedded defaults, on synthetic data, with no input at all.</summary>
public sealed class DemoCommand : BaseCommand, ITopLevelCommand
{
    private static readonly DemoSettings Defaults = new();

    private static readonly Option<string> OutOption = new("--out")
    {
        Description = "Folder for everything the demo writes (data, run, model, predictions, demo.json)",
        DefaultValueFactory = _ => "demo",
    };
    private static readonly Option<bool> ForceOption = new("--force") { Description = "Replace the folder of an earlier demo (only one that wms demo made)" };
    private static readonly Option<int> SeedOption = new("--seed") { Description = "Seed for the synthetic data, split, shuffling and weights", DefaultValueFactory = _ => Defaults.Seed };
    private static readonly Option<int> ThreadsOption = new("--threads") { Description = "CPU threads for libtorch (0 = all cores)", DefaultValueFactory = _ => 0 };

    // Smaller settings for the test suite; hidden because the defaults are the demo.
    private static readonly Option<int> PairsOption = new("--pairs") { Hidden = true, DefaultValueFactory = _ => Defaults.Pairs };
    private static readonly Option<int> EpochsOption = new("--epochs") { Hidden = true, DefaultValueFactory = _ => Defaults.Epochs };
    private static readonly Option<int> ImageSizeOption = new("--image-size") { Hidden = true, DefaultValueFactory = _ => Defaults.ImageSize };

    private readonly Workspace _workspace;
    private readonly DemoPipeline _pipeline;

    public DemoCommand(IConsoleUi ui, Workspace workspace, DemoPipeline pipeline)
        : base("demo", "Run the whole job on embedded defaults, no input needed: render synthetic meter photos, train a small U-Net, " +
            "test it, export the model (ONNX) and predict masks for a few test photos. Takes a few minutes on 2 cores.", ui)
    {
        _workspace = workspace;
        _pipeline = pipeline;
        Options.Add(OutOption);
        Options.Add(ForceOption);
        Options.Add(SeedOption);
        Options.Add(ThreadsOption);
        Options.Add(PairsOption);
        Options.Add(EpochsOption);
        Options.Add(ImageSizeOption);
    }

    public Command Command => this;

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var settings = Defaults with
        {
            Seed = parseResult.GetValue(SeedOption),
            Threads = parseResult.GetValue(ThreadsOption),
            Pairs = parseResult.GetValue(PairsOption),
            Epochs = parseResult.GetValue(EpochsOption),
            ImageSize = parseResult.GetValue(ImageSizeOption),
        };
        if (settings.Pairs < 20) throw new WmsException($"--pairs: at least 20 are needed to split and train, not {settings.Pairs}");
        if (settings.Seed < 0) throw new WmsException($"--seed: {settings.Seed} is negative");
        if (settings.ToTrainingOptions().FindProblem() is var (key, problem)) throw new WmsException($"{key}: {problem}");
        var directory = _workspace.Resolve(parseResult.GetValue(OutOption)!);
        var json = parseResult.IsJson();

        var result = json
            ? await _pipeline.RunAsync(directory, settings, parseResult.GetValue(ForceOption), new CompositeObserver([]), null, cancellationToken)
            : await Ui.WithProgressAsync("Demo", progress => _pipeline.RunAsync(directory, settings, parseResult.GetValue(ForceOption),
                new TrainingProgress(progress), Ui.Info, cancellationToken));

        var summary = DemoSummary.From(result);
        AtomicFile.WriteAllBytes(Path.Combine(result.Directory, DemoFolder.SummaryFileName),
            JsonSerializer.SerializeToUtf8Bytes(summary, DemoJsonContext.Default.DemoSummary));
        if (json) Ui.WriteJson(summary, DemoJsonContext.Default.DemoSummary);
        else Ui.Out.Write(DemoView.Render(summary));

        if (result.Training.Status != TrainingStatus.Completed)
        {
            Ui.Warn($"cancelled during training; what was written so far is in {result.Directory}");
            return ExitCodes.Cancelled;
        }
        Ui.Success($"Demo done: results in {result.Directory} (summary in {DemoFolder.SummaryFileName}; " +
            $"plots in {DemoFolder.RunFolder}/, masks and overlays in {DemoFolder.PredictionsFolder}/)");
        return ExitCodes.Success;
    }
}
