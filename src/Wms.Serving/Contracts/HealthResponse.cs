using System.Text.Json.Serialization;

namespace Wms.Serving.Contracts;

/// <summary>
/// <c>GET /health</c>, the original's shape. <c>status</c> is <c>healthy</c> with a model and
/// <c>no_model</c> without; the HTTP status is 200 either way (liveness, see HealthApi).
/// </summary>
public sealed record HealthResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("model_loaded")] bool ModelLoaded,
    [property: JsonPropertyName("device")] string Device);
