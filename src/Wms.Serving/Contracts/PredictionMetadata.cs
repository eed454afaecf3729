using System.Text.Json.Serialization;

namespace Wms.Serving.Contracts;

/// <summary>The original's metadata (input_size, output_size, latency_seconds, device) plus the model and the counter's extent.</summary>
public sealed record PredictionMetadata(
    [property: JsonPropertyName("input_size")] int[] InputSize,
    [property: JsonPropertyName("output_size")] int[] OutputSize,
    [property: JsonPropertyName("latency_seconds")] double LatencySeconds,
    [property: JsonPropertyName("device")] string Device,
    [property: JsonPropertyName("model_version")] string ModelVersion,
    [property: JsonPropertyName("model_run_id")] string ModelRunId,
    [property: JsonPropertyName("model_alias")] string ModelAlias,
    [property: JsonPropertyName("coverage_percent")] double CoveragePercent,
    [property: JsonPropertyName("counter_bbox")] CounterBoxDto? CounterBox,
    [property: JsonPropertyName("counter_bbox_photo")] CounterBoxDto? CounterBoxPhoto);
