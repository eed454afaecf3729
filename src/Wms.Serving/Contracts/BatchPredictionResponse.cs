using System.Text.Json.Serialization;

namespace Wms.Serving.Contracts;

/// <summary>The 200 body of <c>POST /predict/batch</c>: <c>status</c> is success, partial or failed.</summary>
public sealed record BatchPredictionResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("succeeded")] int Succeeded,
    [property: JsonPropertyName("failed")] int Failed,
    [property: JsonPropertyName("results")] IReadOnlyList<BatchItem> Results);
