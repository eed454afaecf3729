using System.Text.Json.Serialization;
using Wms.Serving.Inference;

namespace Wms.Serving.Contracts;

/// <summary>The original's 200 body of <c>POST /predict</c> (REFERENCE.md §4), with more metadata.</summary>
public sealed record PredictionResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("mask_base64")] string MaskBase64,
    [property: JsonPropertyName("metadata")] PredictionMetadata Metadata)
{
    public const string Device = "cpu";

    public static PredictionResponse From(PredictionResult result) =>
        new("success", Convert.ToBase64String(result.MaskPng), MetadataOf(result));

    public static PredictionMetadata MetadataOf(PredictionResult r) => new(
        [r.InputWidth, r.InputHeight], [r.OutputSize, r.OutputSize], Math.Round(r.LatencySeconds, 4), Device,
        r.Model.Version, r.Model.RunId, r.Model.Alias, Math.Round(r.CoveragePercent, 3),
        CounterBoxDto.From(r.Box), CounterBoxDto.From(r.PhotoBox));
}
