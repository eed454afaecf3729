namespace Wms.Serving.Models;

/// <summary>
/// A candidate's ONNX file on local disk. <see cref="ModelDescriptor.Sha256"/> is the hash the
/// source promised (the loader refuses the file when it differs), or empty when it promised none.
/// </summary>
public sealed record LocalModel(string OnnxPath, ModelDescriptor Descriptor);
