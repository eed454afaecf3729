namespace Wms.Core.Models;

/// <summary>What a consumer needs from an MLmodel file: where the ONNX file is, and the declared sizes.</summary>
/// <param name="OnnxData">The onnx flavor's <c>data</c>: the ONNX file, relative to the folder.</param>
/// <param name="ImageSize">The square size of the signature's input, or null without a (fixed) signature.</param>
public sealed record MlModelInfo(string OnnxData, int? ImageSize, string? RunId, string? MlflowVersion, IReadOnlyList<string> Flavors);
