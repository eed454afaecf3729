using System.Text.Json.Serialization;

namespace Wms.Serving.Contracts;

/// <summary>The counter's bounding box in mask pixels (origin top left of the 512x512 mask).</summary>
public sealed record CounterBoxDto(
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height);
