using System.Text.Json.Serialization;

namespace Wms.Core.DataQuality;

/// <summary>
/// The data-quality report, shaped as the original's (<c>status</c>, <c>errors</c>,
/// <c>warnings</c>, <c>statistics</c>, <c>image_count</c>, <c>mask_count</c>,
/// <c>valid_pairs</c>) plus <c>problems</c>: every finding grouped by check.
/// </summary>
public sealed record DataQualityReport(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("errors")] IReadOnlyList<string> Errors,
    [property: JsonPropertyName("warnings")] IReadOnlyList<string> Warnings,
    [property: JsonPropertyName("statistics")] DataQualityStatistics Statistics,
    [property: JsonPropertyName("image_count")] int ImageCount,
    [property: JsonPropertyName("mask_count")] int MaskCount,
    [property: JsonPropertyName("valid_pairs")] int ValidPairs,
    [property: JsonPropertyName("problems")] IReadOnlyList<ProblemGroup> Problems)
{
    public const string Pass = "PASS";
    public const string Fail = "FAIL";

    [JsonIgnore]
    public bool Passed => Status == Pass;
}
