namespace Wms.Serving.Models;

/// <summary>Where the ONNX file of a model folder is.</summary>
internal static class ModelFolder
{
    // REVIEW: interim until the shared model-folder reader lands (branch onnx): it reads MLmodel's
    // onnx flavor and checks wms-model.json's hashes.
    public static string OnnxFile(string path) => Directory.Exists(path) ? Path.Combine(path, "model.onnx") : path;
}
