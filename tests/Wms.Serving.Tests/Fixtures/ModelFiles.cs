using Wms.Tests.Shared;

namespace Wms.Serving.Tests.Fixtures;

/// <summary>A temp folder holding the served model file; replacing it is atomic (write, then rename), as a deployment would.</summary>
public sealed class ModelFiles : IDisposable
{
    private readonly TempDirectory _directory = new("wms-serving");

    public string Root => _directory.Path;

    public string OnnxPath => _directory.Combine("model.onnx");

    public string Write(byte[] onnx)
    {
        var temp = OnnxPath + ".tmp";
        File.WriteAllBytes(temp, onnx);
        File.Move(temp, OnnxPath, overwrite: true);
        return OnnxPath;
    }

    public static string Sha12(byte[] onnx) => "sha256:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(onnx))[..12];

    public void Dispose() => _directory.Dispose();
}
