namespace Wms.Training.Onnx;

/// <summary>Everything one ONNX file holds, ready for <see cref="OnnxProtoWriter"/>.</summary>
internal sealed record OnnxModel(
    string GraphName,
    IReadOnlyList<OnnxNode> Nodes,
    IReadOnlyList<OnnxTensor> Initializers,
    IReadOnlyList<OnnxValueInfo> Inputs,
    IReadOnlyList<OnnxValueInfo> Outputs,
    IReadOnlyDictionary<string, string> Metadata,
    string DocString)
{
    /// <summary>
    /// IR version 8 with opset 17 is the newest pair Debian 12's onnx (1.12) checks, and ONNX
    /// Runtime 1.31 and MLflow's onnx (1.17) read it; nothing in this graph needs opset 18.
    /// </summary>
    public const long IrVersion = 8;

    public const long OpsetVersion = 17;
}
