using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Wms.Cli.Commands.Training;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Training;
using Wms.Training.Benchmarks;
using Wms.Training.Configuration;
using Wms.Training.Data;

namespace Wms.Cli.Commands.Bench;

/// <summary>`wms bench epoch`: training epochs with the photo cache against decoding every photo every epoch.</summary>
public sealed class BenchEpochCommand : BaseCommand
{
    private static readonly Option<string> DataOption = new("--data") { Description = "Data folder with images/ and masks/", Required = true };
    private static readonly Option<string?> ConfigOption = new("--config")
    {
        Description = "Time the epochs a training config runs (its size, batch, crop, augmentation, learning rate, compute); --size, --batch and --compute given too override it",
    };
    private static readonly Option<int> SizeOption = new("--size") { Description = "Input size", DefaultValueFactory = _ => 256 };
    private static readonly Option<int> EpochsOption = new("--epochs") { Description = "Epochs timed per pipeline", DefaultValueFactory = _ => 2 };
    private static readonly Option<int> LimitOption = new("--limit") { Description = "Use only the first N pairs (0 = all)", DefaultValueFactory = _ => 0 };
    private readonly Option<int> _batch = BenchOptions.Batch(4);
    private readonly Option<int> _threads = BenchOptions.Threads();
    private readonly Option<string[]> _compute = BenchOptions.Compute(BenchOptions.ChannelsLast);
    private readonly Workspace _workspace;

    public BenchEpochCommand(IConsoleUi ui, Workspace workspace)
        : base("epoch", "Time epochs (training + validation, split as wms train does) on a data folder: photos decoded once into the cache vs decoded every epoch", ui)
    {
        _workspace = workspace;
        foreach (var option in new Option[] { DataOption, ConfigOption, SizeOption, EpochsOption, LimitOption, _batch, _threads, _compute })
            Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        if (parseResult.GetValue(EpochsOption) is var e and < 1) throw new WmsException($"--epochs: must be at least 1, not {e}");
        var limit = parseResult.GetValue(LimitOption);
        if (limit < 0) throw new WmsException($"--limit: must be 0 (all pairs) or more, not {limit}");
        var pairs = DatasetFolder.Scan(_workspace.Resolve(parseResult.GetValue(DataOption)!));
        if (limit > 0) pairs = pairs.Take(limit).ToList();
        var configFile = parseResult.GetValue(ConfigOption) is { } c ? _workspace.Resolve(c) : null;
        var config = configFile is null ? null : TrainingConfigFile.Load(configFile);
        // Without a config the options' defaults apply; with one, only the options given on the command line.
        bool Use(Option option) => config is null || parseResult.GetResult(option) is { Implicit: false };
        var options = (config ?? new TrainingOptions()) with { Threads = parseResult.GetValue(_threads) };
        if (Use(SizeOption)) options = options with { ImageSize = parseResult.GetValue(SizeOption) };
        if (Use(_batch)) options = options with { BatchSize = parseResult.GetValue(_batch) };
        if (Use(_compute)) options = options with { Compute = BenchOptions.Parse(parseResult.GetValue(_compute)!.First()) };
        if (options.FindProblem() is var (key, problem))
            throw TrainingCommandOptions.Problem(key, problem, configFile,
                ("model.input_size", SizeOption, Use(SizeOption)), ("training.batch_size", _batch, Use(_batch)));
        var epochs = parseResult.GetValue(EpochsOption);

        var result = await Wms.Training.Model.ComputeThread.RunAsync(() => EpochBenchmark.Run(pairs, options, epochs, Ui.Info, cancellationToken));

        if (parseResult.IsJson())
        {
            Ui.WriteJson(result, BenchJsonContext.Default.EpochBenchmarkResult);
            return ExitCodes.Success;
        }
        var table = new Table().AddColumns("pipeline", "mean epoch s", "epochs s", "speedup");
        table.AddRow("cache + background augmentation", F(result.CachedMean), string.Join(", ", result.CachedEpochSeconds.Select(F)),
            result.Speedup.ToString("0.00x", CultureInfo.InvariantCulture));
        table.AddRow("decode every photo every epoch", F(result.DecodingMean), string.Join(", ", result.DecodingEpochSeconds.Select(F)), "1.00x");
        Ui.Out.Write(table);
        var parts = result.CachedEpochParts;
        var (steps, validation) = (parts.Average(p => p.StepSeconds), parts.Average(p => p.ValidationSeconds));
        Ui.Info($"A cached epoch: training steps {F(steps)} s, validation {F(validation)} s, " +
            $"waiting for augmented batches and the rest {F(result.CachedMean - steps - validation)} s");
        var (size, side) = (result.ImageSize, result.TrainingSampleSize);
        var crop = side == size ? "" : $", trained on {side}x{side} crops";
        Ui.Info($"{result.TrainPairs} training pairs ({result.BatchesPerEpoch} batches of {result.BatchSize}) and {result.ValidationPairs} validation pairs at {size}x{size}{crop}, " +
            $"{options.Threads} threads; filling the cache took {F(result.CacheSeconds)} s once");
        return ExitCodes.Success;
    }

    private static string F(double seconds) => seconds.ToString("F1", CultureInfo.InvariantCulture);
}
