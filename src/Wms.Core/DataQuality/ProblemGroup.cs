using System.Text.Json.Serialization;

namespace Wms.Core.DataQuality;

/// <summary>All findings of one check: every file, never capped.</summary>
public sealed record ProblemGroup(
    [property: JsonPropertyName("check")] string Check,
    [property: JsonPropertyName("severity")] string Severity,
    [property: JsonPropertyName("title")] string Title,
    [property: JsonPropertyName("count")] int Count,
    [property: JsonPropertyName("items")] IReadOnlyList<string> Items);
