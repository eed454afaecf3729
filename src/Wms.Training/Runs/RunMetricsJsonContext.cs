using System.Text.Json.Serialization;

namespace Wms.Training.Runs;

/// <summary>Source-generated JSON for <c>metrics.json</c>: snake_case names, indented.</summary>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.SnakeCaseLower,
    WriteIndented = true,
    NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals)]
[JsonSerializable(typeof(RunMetrics))]
public sealed partial class RunMetricsJsonContext : JsonSerializerContext;
