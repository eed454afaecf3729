namespace Wms.Cli.Commands.Demo;

/// <summary>One test photo the demo predicted through the ONNX model.</summary>
/// <param name="Photo">The photo's path.</param>
/// <param name="Mask">The predicted mask's path (photo size).</param>
/// <param name="Overlay">The photo with the predicted mask tinted.</param>
/// <param name="CoveragePercent">Share of the mask that is counter.</param>
/// <param name="Error">Why the photo failed; null on success.</param>
public sealed record DemoPhoto(string Photo, string? Mask, string? Overlay, double? CoveragePercent, string? Error);
