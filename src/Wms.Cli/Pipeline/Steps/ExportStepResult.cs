namespace Wms.Cli.Pipeline.Steps;

/// <summary>The exported model folder (MLmodel, model.onnx, weights).</summary>
public sealed record ExportStepResult(string Directory, string OnnxSha256, int ImageSize);
