namespace Wms.Core.Inference;

/// <summary>An axis-aligned box in pixels: left, top, width, height.</summary>
public sealed record MaskBox(int X, int Y, int Width, int Height);
