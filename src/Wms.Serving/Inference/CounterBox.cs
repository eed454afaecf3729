namespace Wms.Serving.Inference;

/// <summary>The counter's bounding box in mask pixels (512x512), inclusive of both edges' pixels.</summary>
public sealed record CounterBox(int X, int Y, int Width, int Height);
