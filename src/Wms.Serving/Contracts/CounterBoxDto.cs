using System.Text.Json.Serialization;

namespace Wms.Serving.Contracts;

/// <summary>The counter's bounding box in pixels, origin top left: of the 512x512 mask (<c>counter_bbox</c>) or of the photo (<c>counter_bbox_photo</c>).</summary>
public sealed record CounterBoxDto(
    [property: JsonPropertyName("x")] int X,
    [property: JsonPropertyName("y")] int Y,
    [property: JsonPropertyName("width")] int Width,
    [property: JsonPropertyName("height")] int Height)
{
    public static CounterBoxDto? From(Wms.Core.Inference.MaskBox? box) => box is null ? null : new(box.X, box.Y, box.Width, box.Height);
}
