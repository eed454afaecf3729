using System.Text.Json.Serialization;

namespace Wms.Serving.Contracts;

/// <summary>Why one photo of a batch failed: what <c>/predict</c> would have answered for it alone.</summary>
public sealed record BatchItemError(
    [property: JsonPropertyName("status")] int Status,
    [property: JsonPropertyName("reason")] string Reason,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("detail")] string Detail);
