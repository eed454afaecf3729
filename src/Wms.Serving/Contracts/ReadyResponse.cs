using System.Text.Json.Serialization;

namespace Wms.Serving.Contracts;

/// <summary><c>GET /ready</c>: 200 <c>ready</c> with the model served, or 503 <c>not_ready</c> with why.</summary>
public sealed record ReadyResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("model_version"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ModelVersion,
    [property: JsonPropertyName("model_run_id"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? ModelRunId,
    [property: JsonPropertyName("reason"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Reason);
