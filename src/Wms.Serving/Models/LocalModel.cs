namespace Wms.Serving.Models;

/// <summary>
/// A candidate on local disk: an ONNX file or a model folder, opened and verified by
/// <see cref="Wms.Core.Models.ModelPackage.Open"/>. <see cref="ModelDescriptor.Sha256"/> is the
/// hash the source promised for the ONNX file (the loader refuses the model when it differs), or
/// empty when it promised none (a folder's own <c>wms-model.json</c> hashes are checked anyway).
/// </summary>
public sealed record LocalModel(string Path, ModelDescriptor Descriptor);
