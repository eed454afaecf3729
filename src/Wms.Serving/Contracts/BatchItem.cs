using System.Text.Json.Serialization;

namespace Wms.Serving.Contracts;

/// <summary>One photo of a batch, in upload order: a mask and metadata, or an error.</summary>
public sealed record BatchItem(
    [property: JsonPropertyName("index")] int Index,
    [property: JsonPropertyName("filename")] string FileName,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("mask_base64"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? MaskBase64,
    [property: JsonPropertyName("metadata"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PredictionMetadata? Metadata,
    [property: JsonPropertyName("error"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] BatchItemError? Error);
