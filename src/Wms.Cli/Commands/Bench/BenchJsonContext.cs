using System.Text.Json.Serialization;
using Wms.Training.Benchmarks;

namespace Wms.Cli.Commands.Bench;

[JsonSourceGenerationOptions(PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower, WriteIndented = true)]
[JsonSerializable(typeof(List<StepTiming>))]
[JsonSerializable(typeof(EpochBenchmarkResult))]
internal sealed partial class BenchJsonContext : JsonSerializerContext;
