using System.Text.Json.Serialization;
using Wms.Training.Benchmarks;

namespace Wms.Cli.Commands.Bench;

/// <summary>JSON for the `wms bench` commands (snake_case).</summary>
[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(PredictBenchOutput))]
[JsonSerializable(typeof(List<StepTiming>))]
[JsonSerializable(typeof(EpochBenchmarkResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;

/// <summary>Milliseconds of one stage over the measured requests.</summary>
internal sealed record StageStats(double MedianMs, double P95Ms, double MinMs);

/// <summary>`wms bench predict` result. CPU time per request is steadier than wall time on a busy machine.</summary>
internal sealed record PredictBenchOutput(
    string Model,
    string Image,
    int Width,
    int Height,
    int ImageSize,
    int Threads,
    bool Spinning,
    int Requests,
    int Concurrency,
    double LoadMs,
    double WarmUpMs,
    StageStats Decode,
    StageStats Preprocess,
    StageStats Inference,
    StageStats Postprocess,
    StageStats Total,
    double RequestsPerSecond,
    double CpuMsPerRequest);
