using System.CommandLine;
using System.Diagnostics;
using Spectre.Console;
using Wms.Cli.Output;
using Wms.Core;
using Wms.Core.Imaging;
using Wms.Core.Inference;

namespace Wms.Cli.Commands.Bench;

/// <summary>
/// `wms bench predict`: one photo through the serving path N times (decode, preprocess,
/// inference, mask), medians per stage. Run it on a quiet machine; the numbers are the point.
/// </summary>
internal sealed class PredictBenchCommand : BaseCommand
{
    private static readonly Option<string> ModelPath = new("--model", "-m")
    {
        Description = "ONNX file or model folder",
        Required = true,
    };

    private static readonly Option<string?> Image = new("--image", "-i")
    {
        Description = "A JPEG or PNG photo (default: a synthetic 1536x2048 JPEG)",
    };

    private static readonly Option<int> Count = new("--n", "-n")
    {
        Description = "Measured requests (after 2 unmeasured ones)",
        DefaultValueFactory = _ => 20,
    };

    private static readonly Option<int> Threads = BenchOptions.WithinThreadLimits(new("--threads")
    {
        Description = "ONNX Runtime intra-op threads (0 = one per core)",
        DefaultValueFactory = _ => 2,
    });

    private static readonly Option<int> Concurrency = new("--concurrency", "-c")
    {
        Description = "Requests in flight at once (throughput); 1 measures latency",
        DefaultValueFactory = _ => 1,
    };

    private static readonly Option<bool> NoSpin = new("--no-spin")
    {
        Description = "Idle ONNX Runtime threads sleep instead of spinning",
    };

    private readonly Workspace _workspace;

    public PredictBenchCommand(IConsoleUi ui, Workspace workspace)
        : base("predict", "Time prediction of one photo end to end: decode, preprocess, inference, mask (median of --n)", ui)
    {
        _workspace = workspace;
        Options.Add(ModelPath);
        Options.Add(Image);
        Options.Add(Count);
        Options.Add(Threads);
        Options.Add(Concurrency);
        Options.Add(NoSpin);
    }

    protected override async Task<int> ExecuteAsync(ParseResult parseResult, CancellationToken cancellationToken)
    {
        var (n, concurrency) = (parseResult.GetValue(Count), parseResult.GetValue(Concurrency));
        if (n < 1) throw new WmsException("--n: at least 1");
        if (concurrency < 1) throw new WmsException("--concurrency: at least 1");
        var imageOption = parseResult.GetValue(Image);
        var imageName = imageOption is null ? "synthetic 1536x2048 JPEG" : _workspace.Resolve(imageOption);
        var encoded = imageOption is null ? SyntheticPhoto.Jpeg() : ImageDecoder.ReadFile(imageName);
        var info = ImageDecoder.ReadInfo(encoded, imageName);
        var options = new InferenceOptions { IntraOpThreads = parseResult.GetValue(Threads), AllowSpinning = !parseResult.GetValue(NoSpin) };

        var loadStart = Stopwatch.GetTimestamp();
        using var engine = SegmentationEngine.Load(_workspace.Resolve(parseResult.GetValue(ModelPath)!), options);
        var load = Stopwatch.GetElapsedTime(loadStart);
        for (var i = 0; i < 2; i++) engine.Predict(encoded, imageName);

        var timings = new PredictionTimings[n];
        var next = -1;
        var process = Process.GetCurrentProcess();
        var cpuStart = process.TotalProcessorTime;
        var wallStart = Stopwatch.GetTimestamp();
        var workers = Enumerable.Range(0, concurrency).Select(_ => Task.Run(() =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < n;)
            {
                cancellationToken.ThrowIfCancellationRequested();
                timings[i] = engine.Predict(encoded, imageName).Timings;
            }
        }, cancellationToken));
        await Task.WhenAll(workers);
        var wall = Stopwatch.GetElapsedTime(wallStart);
        process.Refresh();
        var cpu = process.TotalProcessorTime - cpuStart;

        var output = new PredictBenchOutput(engine.Package.Path, imageName, info.Width, info.Height, engine.ImageSize,
            options.IntraOpThreads, options.AllowSpinning, n, concurrency, load.TotalMilliseconds, engine.WarmUpTime.TotalMilliseconds,
            Stats(timings, t => t.Decode), Stats(timings, t => t.Preprocess), Stats(timings, t => t.Inference),
            Stats(timings, t => t.Postprocess), Stats(timings, t => t.Total), n / wall.TotalSeconds, cpu.TotalMilliseconds / n);
        if (parseResult.IsJson()) Ui.WriteJson(output, BenchJsonContext.Default.PredictBenchOutput);
        else Render(output);
        return ExitCodes.Success;
    }

    private static StageStats Stats(PredictionTimings[] timings, Func<PredictionTimings, TimeSpan> stage)
    {
        var ms = timings.Select(t => stage(t).TotalMilliseconds).Order().ToArray();
        var median = ms.Length % 2 == 1 ? ms[ms.Length / 2] : (ms[ms.Length / 2 - 1] + ms[ms.Length / 2]) / 2;
        return new StageStats(median, ms[Math.Min(ms.Length - 1, (int)Math.Ceiling(0.95 * ms.Length) - 1)], ms[0]);
    }

    private void Render(PredictBenchOutput o)
    {
        Ui.Err.MarkupLineInterpolated($"model {o.Model} ({o.ImageSize}x{o.ImageSize}), loaded in {o.LoadMs:F0} ms (warm-up {o.WarmUpMs:F0} ms)");
        Ui.Err.MarkupLineInterpolated($"photo {o.Image} ({o.Width}x{o.Height}); {o.Requests} requests, {o.Concurrency} at once, {o.Threads} intra-op threads, spinning {(o.Spinning ? "on" : "off")}");
        var table = new Table().AddColumns("stage", "median ms", "p95 ms", "min ms");
        foreach (var (name, s) in new[] { ("decode", o.Decode), ("preprocess", o.Preprocess), ("inference", o.Inference), ("mask", o.Postprocess), ("total", o.Total) })
            table.AddRow(name, $"{s.MedianMs:F1}", $"{s.P95Ms:F1}", $"{s.MinMs:F1}");
        Ui.Out.Write(table);
        Ui.Out.MarkupLineInterpolated($"throughput: {o.RequestsPerSecond:F2} requests/s; CPU time {o.CpuMsPerRequest:F0} ms per request (all threads; spinning counts)");
    }
}
