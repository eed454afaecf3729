using System.Text.Json;
using Wms.Core.Models;

namespace Wms.Core.LocalModels;

/// <summary>
/// The local copy of a registry model that <c>wms predict</c> uses offline: the model folder as
/// downloaded plus <see cref="ModelCacheManifest"/>. Every open re-hashes the ONNX file, so a
/// corrupt or half-copied cache is refused, never loaded.
/// </summary>
public static class ModelCache
{
    /// <summary>Where <c>wms model pull</c> puts the Production model unless told otherwise (relative to the workspace).</summary>
    public const string DefaultDirectory = "models/production";

    /// <summary>What a user should run to repair a broken cache.</summary>
    public const string RepairHint = "run `wms model pull --force` to fetch it again";

    /// <summary>True when <paramref name="directory"/> has a cache manifest (complete or not, its files are not checked).</summary>
    public static bool HasManifest(string directory) => File.Exists(Path.Combine(directory, ModelCacheManifest.FileName));

    /// <summary>
    /// Opens and verifies a cache: NotFound when the folder does not exist; otherwise InvalidInput
    /// naming the cache and the repair command when the manifest is missing or unreadable, the ONNX
    /// file's SHA-256 differs, or the model folder's own <c>wms-model.json</c> hashes do not match.
    /// </summary>
    public static CachedModel Open(string directory)
    {
        directory = Path.GetFullPath(directory);
        if (!Directory.Exists(directory))
            throw WmsException.NotFound($"{directory}: no cached model (run `wms model pull` first, or pass --model)");
        var manifest = ReadManifest(directory);
        var onnx = Path.Combine(directory, manifest.OnnxFile);
        if (!File.Exists(onnx))
            throw Broken(directory, $"{onnx} is missing");
        ModelPackage package;
        try
        {
            package = ModelPackage.Open(directory, manifest.OnnxSha256);
        }
        catch (WmsException e)
        {
            throw Broken(directory, e.Message);
        }
        if (!string.Equals(package.OnnxPath, Path.GetFullPath(onnx), StringComparison.Ordinal))
            throw Broken(directory, $"MLmodel names {package.OnnxPath}, the cache recorded {onnx}");
        return new CachedModel(directory, manifest, package);
    }

    /// <summary>The manifest, or InvalidInput when it is missing or unreadable (an incomplete cache).</summary>
    public static ModelCacheManifest ReadManifest(string directory)
    {
        var path = Path.Combine(directory, ModelCacheManifest.FileName);
        if (!File.Exists(path))
            throw Broken(directory, $"no {ModelCacheManifest.FileName} (an incomplete download or not a cache)");
        try
        {
            using var stream = File.OpenRead(path);
            var manifest = JsonSerializer.Deserialize(stream, CacheJsonContext.Default.ModelCacheManifest);
            if (manifest is null || string.IsNullOrEmpty(manifest.OnnxFile) || manifest.OnnxSha256?.Length != 64)
                throw Broken(directory, $"{path} lacks the ONNX file or its SHA-256");
            return manifest;
        }
        catch (Exception e) when (e is JsonException or IOException or UnauthorizedAccessException)
        {
            throw Broken(directory, $"{path} is unreadable ({e.Message.Split('\n')[0]})");
        }
    }

    /// <summary>Writes the manifest into a (staging) folder.</summary>
    internal static void WriteManifest(string directory, ModelCacheManifest manifest) =>
        AtomicFile.WriteAllText(Path.Combine(directory, ModelCacheManifest.FileName),
            JsonSerializer.Serialize(manifest, CacheJsonContext.Default.ModelCacheManifest));

    private static WmsException Broken(string directory, string problem) =>
        new($"{directory}: corrupt or incomplete model cache ({problem}); {RepairHint}");
}
