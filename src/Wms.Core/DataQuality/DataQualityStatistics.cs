using System.Text.Json.Serialization;

namespace Wms.Core.DataQuality;

/// <summary>
/// The report's <c>statistics</c>. The first three keys are the original's; coverage is the
/// mask foreground share per valid pair, in %; resolutions are "HxW" as the original wrote them.
/// </summary>
public sealed record DataQualityStatistics(
    [property: JsonPropertyName("median_coverage_%")] double? MedianCoveragePercent,
    [property: JsonPropertyName("std_coverage_%")] double? StdCoveragePercent,
    [property: JsonPropertyName("resolution")] string? Resolution,
    [property: JsonPropertyName("mean_coverage_%")] double? MeanCoveragePercent,
    [property: JsonPropertyName("min_coverage_%")] double? MinCoveragePercent,
    [property: JsonPropertyName("max_coverage_%")] double? MaxCoveragePercent,
    [property: JsonPropertyName("mad_coverage_%")] double? MadCoveragePercent,
    [property: JsonPropertyName("median_centroid")] IReadOnlyList<double>? MedianCentroid,
    [property: JsonPropertyName("resolutions")] IReadOnlyDictionary<string, int> Resolutions,
    [property: JsonPropertyName("image_formats")] IReadOnlyDictionary<string, int> ImageFormats,
    [property: JsonPropertyName("exif_rotated_images")] int ExifRotatedImages,
    [property: JsonPropertyName("errors_by_check")] IReadOnlyDictionary<string, int> ErrorsByCheck,
    [property: JsonPropertyName("warnings_by_check")] IReadOnlyDictionary<string, int> WarningsByCheck);
