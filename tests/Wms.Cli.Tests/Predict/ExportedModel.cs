using Wms.Training.Model;

namespace Wms.Cli.Tests.Predict;

/// <summary>A model folder and the TorchSharp U-Net it was exported from.</summary>
public sealed record ExportedModel(string Folder, string OnnxPath, string OnnxSha256, UNet Model);
