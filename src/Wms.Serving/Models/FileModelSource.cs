using System.Security.Cryptography;
using System.Text;
using Wms.Core;

namespace Wms.Serving.Models;

/// <summary>
/// <c>MODEL_PATH</c>: an ONNX file, or a model folder (MLflow's <c>MLmodel</c> + <c>model.onnx</c>
/// + <c>wms-model.json</c>, as <c>wms model export</c>, <c>wms model pull</c> and the registry
/// write it). Its identity changes whenever the file (its hash) or the folder (its files' names,
/// sizes and times) does, so replacing it (atomically, by rename) is picked up by the next poll.
/// </summary>
internal sealed class FileModelSource(string path) : IModelSource
{
    public string Description => path;

    public async Task<ModelCandidate?> FindAsync(CancellationToken cancellationToken)
    {
        if (File.Exists(path))
        {
            var sha = await Sha256Async(path, cancellationToken);
            // The hash goes along as the expected one: a file replaced between now and loading is refused, then picked up.
            return new ModelCandidate(sha, new ModelDescriptor("sha256:" + sha[..12], "", "file", path, sha));
        }
        if (Directory.Exists(path))
            return new ModelCandidate(FolderIdentity(), new ModelDescriptor("", "", "file", path, ""));
        throw WmsException.NotFound($"{path}: model not found (an ONNX file or a model folder)");
    }

    public Task<LocalModel> FetchAsync(ModelCandidate candidate, CancellationToken cancellationToken) =>
        Task.FromResult(new LocalModel(path, candidate.Descriptor));

    private string FolderIdentity()
    {
        var listing = new StringBuilder();
        foreach (var file in new DirectoryInfo(path).EnumerateFiles("*", SearchOption.AllDirectories).OrderBy(f => f.FullName, StringComparer.Ordinal))
            listing.Append(file.FullName).Append('|').Append(file.Length).Append('|').Append(file.LastWriteTimeUtc.Ticks).Append('\n');
        return "folder:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(listing.ToString())));
    }

    private static async Task<string> Sha256Async(string file, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.Asynchronous | FileOptions.SequentialScan);
        return Convert.ToHexStringLower(await SHA256.HashDataAsync(stream, cancellationToken));
    }
}
