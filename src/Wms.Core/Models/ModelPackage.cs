using System.Text.Json;

namespace Wms.Core.Models;

/// <summary>
/// A model on disk, checked before anything loads it: an MLflow model folder (MLmodel with an
/// onnx flavor, the ONNX file it names, and, when present, <c>wms-model.json</c> whose SHA-256s
/// must all match) or a bare <c>.onnx</c> file.
/// </summary>
/// <param name="Path">The folder or file that was opened.</param>
/// <param name="OnnxPath">The ONNX file to load.</param>
/// <param name="ImageSize">The input size the MLmodel signature or manifest declares; null for a bare file.</param>
/// <param name="Manifest">The folder's <c>wms-model.json</c>, when it has one.</param>
public sealed record ModelPackage(string Path, string OnnxPath, string OnnxSha256, int? ImageSize, string? RunId, ModelManifest? Manifest)
{
    /// <summary>True for a model folder, false for a bare ONNX file.</summary>
    public bool IsFolder => Directory.Exists(Path);

    /// <summary>Opens and verifies a model folder or ONNX file.</summary>
    /// <param name="expectedOnnxSha256">A hash from elsewhere (the registry, a pull cache) the ONNX file must have.</param>
    public static ModelPackage Open(string path, string? expectedOnnxSha256 = null)
    {
        path = System.IO.Path.GetFullPath(path);
        var package = Directory.Exists(path) ? OpenFolder(path)
            : File.Exists(path) ? new ModelPackage(path, path, FileHash.Sha256(path), null, null, null)
            : throw WmsException.NotFound($"{path}: model not found (an ONNX file or a model folder with an MLmodel file)");
        if (expectedOnnxSha256 is not null && !string.Equals(expectedOnnxSha256, package.OnnxSha256, StringComparison.OrdinalIgnoreCase))
            throw new WmsException($"{package.OnnxPath}: SHA-256 {package.OnnxSha256} is not the expected {expectedOnnxSha256} (corrupt or replaced file)");
        return package;
    }

    private static ModelPackage OpenFolder(string folder)
    {
        var mlModelPath = System.IO.Path.Combine(folder, ModelContract.MlModelFileName);
        if (!File.Exists(mlModelPath))
            throw new WmsException($"{folder}: not a model folder (no {ModelContract.MlModelFileName} file)");
        var info = MlModelFile.Read(mlModelPath);
        var onnxPath = System.IO.Path.Combine(folder, info.OnnxData);
        if (!File.Exists(onnxPath))
            throw new WmsException($"{onnxPath}: missing (named by {mlModelPath})");

        var manifest = ReadManifest(folder);
        var sha = FileHash.Sha256(onnxPath);
        if (manifest is not null) Verify(folder, manifest);
        return new ModelPackage(folder, onnxPath, sha, manifest?.ImageSize ?? info.ImageSize, info.RunId ?? manifest?.RunId, manifest);
    }

    private static ModelManifest? ReadManifest(string folder)
    {
        var path = System.IO.Path.Combine(folder, ModelContract.ManifestFileName);
        if (!File.Exists(path)) return null;
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, ModelJsonContext.Default.ModelManifest)
                ?? throw new WmsException($"{path}: empty manifest");
        }
        catch (Exception e) when (e is JsonException or IOException or NotSupportedException)
        {
            throw new WmsException($"{path}: unreadable model manifest ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>Every file the manifest lists must be there with its size and hash: a half-copied or edited folder is refused.</summary>
    private static void Verify(string folder, ModelManifest manifest)
    {
        if (!manifest.Files.Any(f => f.Path == manifest.OnnxFile))
            throw new WmsException($"{System.IO.Path.Combine(folder, ModelContract.ManifestFileName)}: lists no hash for {manifest.OnnxFile}");
        foreach (var file in manifest.Files)
        {
            if (System.IO.Path.IsPathRooted(file.Path) || file.Path.Split('/').Contains(".."))
                throw new WmsException($"{System.IO.Path.Combine(folder, ModelContract.ManifestFileName)}: file '{file.Path}' is outside the folder");
            var path = System.IO.Path.Combine(folder, file.Path);
            if (!File.Exists(path))
                throw new WmsException($"{path}: missing (listed in {ModelContract.ManifestFileName})");
            var sha = FileHash.Sha256(path);
            if (new FileInfo(path).Length != file.SizeBytes || sha != file.Sha256)
                throw new WmsException($"{path}: SHA-256 {sha} does not match {file.Sha256} in {ModelContract.ManifestFileName} (corrupt or replaced)");
        }
    }
}
