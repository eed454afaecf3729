namespace Wms.Training.Onnx;

/// <summary>One operator of the default (ai.onnx) domain.</summary>
internal sealed record OnnxNode(string OpType, string Name, IReadOnlyList<string> Inputs, IReadOnlyList<string> Outputs,
    IReadOnlyList<OnnxAttribute> Attributes);
