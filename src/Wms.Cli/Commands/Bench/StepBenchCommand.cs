using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Training.Benchmarks;
using Wms.Training.Model;

namespace Wms.Cli.Commands.Bench;

/// <summary>The shared body of `wms bench train` and `wms bench forward`.</summary>
public abstract class StepBenchCommand : BaseCommand
{
    private readonly Option<int[]> _sizes;
    private readonly Option<int> _batch;
    private readonly Option<int> _threads = BenchOptions.Threads();
    private readonly Option<int> _depth = BenchOptions.Depth();
    private readonly Option<int> _baseFilters = BenchOptions.BaseFilters();
    private readonly Option<int> _repeats;
    private readonly Option<int> _warmup;
    private readonly Option<string[]> _compute = BenchOptions.Compute(BenchOptions.Fp32, BenchOptions.ChannelsLast);
    private readonly Option<bool> _reference = BenchOptions.Reference();
    private readonly Option<string> _python = BenchOptions.Python();
    private readonly Option<string> _script = BenchOptions.ReferenceScript();
    private readonly Workspace _workspace;
    private readonly bool _training;

    protected StepBenchCommand(string name, string description, bool training, int[] sizes, int batch, int repeats, int warmup, IConsoleUi ui, Workspace workspace)
        : base(name, description, ui)
    {
        _training = training;
        _workspace = workspace;
        _sizes = new Option<int[]>("--size") { Description = $"Input sizes (square, divisible by 16, by 32 at --depth 5; {UNet.MinInputSize} to {UNet.MaxInputSize})", DefaultValueFactory = _ => sizes, AllowMultipleArgumentsPerToken = true };
        _batch = BenchOptions.Batch(batch);
        _repeats = BenchOptions.Repeats(repeats);
        _warmup = BenchOptions.Warmup(warmup);
        foreach (var option in new Option[] { _sizes, _batch, _depth, _baseFilters, _threads, _repeats, _warmup, _compute, _reference, _python, _script })
            Options.Add(option);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (batch, threads, repeats, warmup) = (parseResult.GetValue(_batch), parseResult.GetValue(_threads), parseResult.GetValue(_repeats), parseResult.GetValue(_warmup));
        if (batch < 1 || repeats < 1 || warmup < 0)
            throw new WmsException("--batch and --n must be at least 1, --warmup at least 0");
        var sizes = parseResult.GetValue(_sizes)!;
        var depth = parseResult.GetValue(_depth);
        var width = parseResult.GetValue(_baseFilters);
        if (sizes.Select(s => UNet.InputSizeProblem(s, depth)).FirstOrDefault(p => p is not null) is { } sizeProblem)
            throw new WmsException($"--size: {sizeProblem}");
        var reference = parseResult.GetValue(_reference)
            ? new TorchReference(_workspace.Resolve(parseResult.GetValue(_python)!), _workspace.Resolve(parseResult.GetValue(_script)!))
            : null;
        var operation = _training ? "train" : "forward";

        var rows = new List<StepTiming>();
        var referenceMissing = false;
        foreach (var size in sizes)
        {
            foreach (var name in parseResult.GetValue(_compute)!.Distinct())
            {
                cancellationToken.ThrowIfCancellationRequested();
                Ui.Info($"{operation} {size}x{size} batch {batch}, {name}...");
                var compute = BenchOptions.Parse(name);
                var timing = await ComputeThread.RunAsync(() => _training
                    ? StepBenchmark.TrainStep(size, batch, threads, repeats, warmup, compute, depth, width)
                    : StepBenchmark.Forward(size, batch, threads, repeats, warmup, compute, depth, width));
                rows.Add(new StepTiming(operation, size, batch, threads, name, Round(timing.Median), Round(timing.Min), Round(timing.Max), null, Depth: depth, BaseFilters: width));
            }
            if (reference is null) continue;
            var command = _training ? "time-train" : "time-forward";
            Ui.Info($"{operation} {size}x{size} batch {batch}, PyTorch (torch_reference.py)...");
            var (median, problem) = await reference.TimeAsync(command, size, batch, threads, repeats, warmup, sameMalloc: false, cancellationToken);
            if (problem is not null) Ui.Warn($"PyTorch reference not measured: {problem}");
            referenceMissing |= problem is not null;
            Ui.Info($"{operation} {size}x{size} batch {batch}, PyTorch with our malloc settings...");
            var (tuned, tunedProblem) = await reference.TimeAsync(command, size, batch, threads, repeats, warmup, sameMalloc: true, cancellationToken);
            if (tunedProblem is not null) Ui.Warn($"PyTorch reference (our malloc settings) not measured: {tunedProblem}");
            referenceMissing |= tunedProblem is not null;
            for (var i = rows.Count - 1; i >= 0 && rows[i].Size == size; i--)
                rows[i] = rows[i] with { TorchMedianMs = median, TorchSameMallocMedianMs = tuned };
        }

        if (parseResult.IsJson())
            Ui.WriteJson(rows, BenchJsonContext.Default.ListStepTiming);
        else
            Ui.Out.Write(Table(rows));
        // --reference asked for the side-by-side: our numbers alone are a partial result.
        return referenceMissing ? ExitCodes.PartialFailure : ExitCodes.Success;
    }

    private static double Round(double ms) => Math.Round(ms, 1);

    private static Table Table(IReadOnlyList<StepTiming> rows)
    {
        var table = new Table();
        foreach (var header in new[] { "case", "compute", "median (min) ms", "PyTorch ms", "speedup", "PyTorch, our malloc ms", "speedup" })
            table.AddColumn(new TableColumn(header).NoWrap());
        foreach (var r in rows)
        {
            table.AddRow($"{r.Operation} {r.Size} b{r.Batch}" + (r.Depth == UNet.OriginalDepth ? "" : $" depth {r.Depth}")
                + (r.BaseFilters == UNet.OriginalBaseFilters ? "" : $" width {r.BaseFilters}"), r.Compute, $"{F(r.MedianMs)} ({F(r.MinMs)})",
                r.TorchMedianMs is { } t ? F(t) : "-", X(r.SpeedupVsTorch),
                r.TorchSameMallocMedianMs is { } m ? F(m) : "-", X(r.SpeedupVsTorchSameMalloc));
        }
        if (rows.Count > 0)
            table.Caption($"{rows[0].Threads} threads, OMP_WAIT_POLICY={TorchRuntime.OpenMpWaitPolicy}; speedup > 1: faster than PyTorch. "
                + "Our malloc settings: " + string.Join(' ', TorchRuntime.AllocatorEnvironment.Select(e => $"{e.Key}={e.Value}"))
                + (rows.Any(r => !r.IsTorchModel()) ? $". PyTorch runs the original U-Net (depth {UNet.OriginalDepth}, width {UNet.OriginalBaseFilters}): a deeper or wider row gets no speedup" : ""));
        return table;
    }

    private static string X(double? speedup) => speedup?.ToString("0.00x", CultureInfo.InvariantCulture) ?? "-";

    private static string F(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
