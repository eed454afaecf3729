using System.Text.RegularExpressions;
using Wms.Core;

namespace Wms.Serving.Models;

/// <summary>
/// <c>MODEL_PATH</c>: an ONNX file, or a model folder (MLflow's <c>MLmodel</c> + <c>model.onnx</c>,
/// as <c>wms model pull</c> and the registry store it). Its identity is the ONNX file's hash, so
/// replacing the file (atomically, by rename) is picked up by the next poll.
/// </summary>
internal sealed partial class FileModelSource(string path) : IModelSource
{
    private const string OnnxFileName = "model.onnx";

    public string Description => path;

    public async Task<ModelCandidate?> FindAsync(CancellationToken cancellationToken)
    {
        var onnx = OnnxFile();
        if (!File.Exists(onnx))
            throw WmsException.NotFound(Directory.Exists(path) ? $"{path}: no {OnnxFileName} in the model folder" : $"{path}: model file not found");
        var sha = await FileHash.Sha256Async(onnx, cancellationToken);
        var runId = Directory.Exists(path) ? await ReadRunIdAsync(cancellationToken) : "";
        return new ModelCandidate(sha, new ModelDescriptor("sha256:" + sha[..12], runId, "file", path, sha));
    }

    public Task<LocalModel> FetchAsync(ModelCandidate candidate, CancellationToken cancellationToken) =>
        Task.FromResult(new LocalModel(OnnxFile(), candidate.Descriptor));

    private string OnnxFile() => ModelFolder.OnnxFile(path);

    // REVIEW: interim MLmodel reading (one key) until the shared model-folder reader lands (branch onnx).
    private async Task<string> ReadRunIdAsync(CancellationToken cancellationToken)
    {
        var mlmodel = Path.Combine(path, "MLmodel");
        if (!File.Exists(mlmodel)) return "";
        var match = RunIdLine().Match(await File.ReadAllTextAsync(mlmodel, cancellationToken));
        return match.Success ? match.Groups[1].Value.Trim('\'', '"') : "";
    }

    [GeneratedRegex(@"^run_id:\s*(\S+)\s*$", RegexOptions.Multiline)]
    private static partial Regex RunIdLine();
}
