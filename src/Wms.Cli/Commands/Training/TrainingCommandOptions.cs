using System.CommandLine;
using Wms.Core;
using Wms.Training;
using Wms.Training.Configuration;
using Wms.Training.Model;

namespace Wms.Cli.Commands.Training;

/// <summary>The training options `wms train` and `wms pipeline run` share, and how they layer over the config file.</summary>
internal static class TrainingCommandOptions
{
    public static readonly Option<int?> Epochs = new("--epochs") { Description = "Epochs (overrides training.epochs)" };
    public static readonly Option<int?> BatchSize = new("--batch-size") { Description = "Batch size (overrides training.batch_size)" };
    public static readonly Option<int?> ImageSize = new("--image-size") { Description = "Input size in pixels, divisible by 16 (32 with model.depth 5; overrides model.input_size)" };
    public static readonly Option<int> Seed = new("--seed") { Description = "Seed for the split, shuffling, augmentation and weights", DefaultValueFactory = _ => 42 };
    public static readonly Option<int> Threads = new("--threads") { Description = "CPU threads for libtorch (0 = all cores)", DefaultValueFactory = _ => 0 };

    public static readonly Option<string?> Init = new("--init")
    {
        Description = "Start from these weights instead of random ones: a .pth state_dict (the Python system's best.pth) or a .dat. " +
            "To fine-tune, e.g. at a larger --image-size",
    };

    public static IEnumerable<Option> All => [Epochs, BatchSize, ImageSize, Seed, Threads, Init];

    /// <summary>Defaults, then the config file, then the command line; checked as a whole, naming the source of a bad value.</summary>
    public static TrainingOptions Resolve(ParseResult parseResult, string? configFile, Func<string, string> resolvePath)
    {
        var options = configFile is null ? new TrainingOptions() : TrainingConfigFile.Load(configFile);
        options = options with
        {
            Epochs = parseResult.GetValue(Epochs) ?? options.Epochs,
            BatchSize = parseResult.GetValue(BatchSize) ?? options.BatchSize,
            ImageSize = parseResult.GetValue(ImageSize) ?? options.ImageSize,
            Seed = parseResult.GetValue(Seed),
            Threads = parseResult.GetValue(Threads),
            InitialWeights = parseResult.GetValue(Init) is { } init ? resolvePath(init) : null,
        };
        if (options.FindProblem() is var (key, problem))
            throw Problem(key, problem, configFile,
                ("training.epochs", Epochs, parseResult.GetValue(Epochs) is not null),
                ("training.batch_size", BatchSize, parseResult.GetValue(BatchSize) is not null),
                ("model.input_size", ImageSize, parseResult.GetValue(ImageSize) is not null));
        return options;
    }

    /// <summary>
    /// A bad option value, named by its source: the command-line option that set it when one was
    /// <c>Given</c> (threads always come from the command line), else the config file's key.
    /// </summary>
    public static WmsException Problem(string key, string problem, string? configFile, params (string Key, Option Option, bool Given)[] overrides)
    {
        var source = key == "threads" ? Threads.Name
            : overrides.FirstOrDefault(o => o.Key == key && o.Given).Option?.Name
            ?? (configFile is null ? key : $"{configFile}: {key}");
        return new WmsException($"{source}: {problem}");
    }

    /// <summary>What the user should know before a long run: bfloat16 asked for on a CPU that only emulates it.</summary>
    public static void WarnAboutCompute(TrainingOptions options, Action<string> warn)
    {
        if (CpuBFloat16.EmulationWarning(options.Compute.BFloat16, CpuBFloat16.IsNative) is { } warning) warn(warning);
    }
}
