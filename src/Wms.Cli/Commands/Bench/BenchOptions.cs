using System.CommandLine;
using Wms.Training;
using Wms.Training.Model;

namespace Wms.Cli.Commands.Bench;

/// <summary>Options shared by the `wms bench` commands.</summary>
internal static class BenchOptions
{
    public const string Fp32 = "fp32";
    public const string ChannelsLast = "channels-last";
    public const string BFloat16 = "bf16";
    public const string ChannelsLastBFloat16 = "channels-last-bf16";

    public static Option<int> Threads() => WithinThreadLimits(new Option<int>("--threads") { Description = "CPU threads for libtorch (and PyTorch)", DefaultValueFactory = _ => 2 });

    /// <summary>Refuses, as a usage error, a thread count below 0 or above <see cref="Core.ThreadLimits.Max"/>.</summary>
    public static Option<int> WithinThreadLimits(Option<int> option)
    {
        option.Validators.Add(result =>
        {
            if (Core.ThreadLimits.Problem(result.GetValueOrDefault<int>()) is { } problem) result.AddError($"{option.Name}: {problem}");
        });
        return option;
    }

    /// <summary>The U-Net's halvings (<c>model.depth</c>); refuses, as a usage error, one the program does not build.</summary>
    public static Option<int> Depth()
    {
        var option = new Option<int>("--depth")
        {
            Description = $"U-Net depth, as model.depth: {string.Join(" or ", UNet.Depths)} (PyTorch's reference is always the original {UNet.OriginalDepth})",
            DefaultValueFactory = _ => UNet.OriginalDepth,
        };
        option.Validators.Add(result =>
        {
            if (UNet.DepthProblem(result.GetValueOrDefault<int>()) is { } problem) result.AddError($"--depth: {problem}");
        });
        return option;
    }

    /// <summary>The U-Net's channels at the first level (<c>model.base_filters</c>); refuses, as a usage error, a width the program does not build.</summary>
    public static Option<int> BaseFilters()
    {
        var option = new Option<int>("--base-filters")
        {
            Description = $"U-Net width, as model.base_filters (PyTorch's reference is always the original {UNet.OriginalBaseFilters})",
            DefaultValueFactory = _ => UNet.OriginalBaseFilters,
        };
        option.Validators.Add(result =>
        {
            if (UNet.BaseFiltersProblem(result.GetValueOrDefault<int>()) is { } problem) result.AddError($"--base-filters: {problem}");
        });
        return option;
    }

    public static Option<int> Batch(int value) => new("--batch") { Description = "Batch size", DefaultValueFactory = _ => value };

    public static Option<int> Repeats(int value) => new("--n") { Description = "Timed repetitions (the median is reported)", DefaultValueFactory = _ => value };

    public static Option<int> Warmup(int value) => new("--warmup") { Description = "Untimed repetitions first", DefaultValueFactory = _ => value };

    public static Option<string[]> Compute(params string[] defaults)
    {
        var option = new Option<string[]>("--compute")
        {
            Description = $"Arithmetic to measure, one or more of {Fp32} (the reference), {ChannelsLast}, {BFloat16}, {ChannelsLastBFloat16}",
            DefaultValueFactory = _ => defaults,
            AllowMultipleArgumentsPerToken = true,
        };
        option.AcceptOnlyFromAmong(Fp32, ChannelsLast, BFloat16, ChannelsLastBFloat16);
        return option;
    }

    public static Option<bool> Reference() => new("--reference") { Description = "Also time PyTorch with torch_reference.py (same sizes, threads, repetitions)" };

    public static Option<string> Python() => new("--python") { Description = "Python with torch (Debian's python3-torch)", DefaultValueFactory = _ => "/usr/bin/python3" };

    public static Option<string> ReferenceScript() => new("--reference-script")
    {
        Description = "Path of torch_reference.py",
        DefaultValueFactory = _ => Path.Combine("..", "shared", "bench", "torch_reference.py"),
    };

    public static ComputeOptions Parse(string name) => name switch
    {
        ChannelsLast => new ComputeOptions(ChannelsLast: true, BFloat16: false),
        BFloat16 => new ComputeOptions(ChannelsLast: false, BFloat16: true),
        ChannelsLastBFloat16 => new ComputeOptions(ChannelsLast: true, BFloat16: true),
        _ => ComputeOptions.Reference,
    };
}
