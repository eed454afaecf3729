using Wms.Core.Tracking.Mlflow.Wire;

namespace Wms.Core.Tracking.Mlflow;

public sealed partial class MlflowTrackingStore
{
    /// <inheritdoc />
    public async Task LogArtifactAsync(string runId, string localFile, string? artifactDirectory = null, CancellationToken cancellationToken = default)
    {
        ArtifactPaths.RequireLocalFile(localFile);
        var target = ArtifactPaths.Combine(ArtifactPaths.Normalize(artifactDirectory), Path.GetFileName(localFile));
        var root = await RunProxyPathAsync(runId, cancellationToken);
        await Http.PutArtifactAsync(ArtifactLocations.Combine(root, target), localFile, cancellationToken);
    }

    /// <inheritdoc />
    public async Task LogArtifactsAsync(string runId, string localDirectory, string? artifactDirectory = null, CancellationToken cancellationToken = default)
    {
        ArtifactPaths.RequireLocalDirectory(localDirectory);
        var directory = ArtifactPaths.Normalize(artifactDirectory);
        var root = await RunProxyPathAsync(runId, cancellationToken);
        foreach (var (file, relative) in ArtifactPaths.EnumerateFiles(localDirectory))
            await Http.PutArtifactAsync(ArtifactLocations.Combine(root, ArtifactPaths.Combine(directory, relative)), file, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        var directory = ArtifactPaths.Normalize(path);
        var entries = new List<ArtifactEntry>();
        string? pageToken = null;
        do
        {
            var reply = await Http.GetAsync("artifacts/list", cancellationToken,
                ("run_id", runId), ("path", directory.Length == 0 ? null : directory), ("page_token", pageToken));
            if (reply.IsNotFound) throw WmsException.NotFound($"run {runId} not found ({Location})");
            var page = reply.Read(Json.ListArtifactsResponse);
            entries.AddRange((page.Files ?? []).Select(f => new ArtifactEntry(f.Path, f.IsDir, f.IsDir ? null : f.FileSize ?? 0)));
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken));
        return entries.OrderBy(e => e.Path, StringComparer.Ordinal).ToList();
    }

    /// <inheritdoc />
    public async Task<string> DownloadArtifactsAsync(string runId, string artifactPath, string localDirectory, CancellationToken cancellationToken = default)
    {
        var path = ArtifactPaths.Normalize(artifactPath);
        var root = await RunProxyPathAsync(runId, cancellationToken);
        localDirectory = Path.GetFullPath(localDirectory);
        var files = await ListProxyTreeAsync(ArtifactLocations.Combine(root, path), cancellationToken);
        if (files.Count == 0)
        {
            // Listing a file (or a missing path) gives nothing: try it as a file; a miss is NotFound.
            if (path.Length == 0) throw WmsException.NotFound($"run {runId} has no artifacts ({Location})");
            var target = Path.Combine(localDirectory, ArtifactPaths.FileName(path));
            await Http.DownloadArtifactAsync(ArtifactLocations.Combine(root, path), target, cancellationToken);
            return target;
        }
        Directory.CreateDirectory(localDirectory);
        await DownloadTreeAsync(ArtifactLocations.Combine(root, path), files, localDirectory, cancellationToken);
        return localDirectory;
    }

    private async Task<string> RunProxyPathAsync(string runId, CancellationToken cancellationToken)
    {
        if (!_artifactUris.TryGetValue(runId, out var uri))
            uri = (await GetRunAsync(runId, cancellationToken)).Info.ArtifactUri;
        return ArtifactLocations.ProxyPath(uri, Http.Server, $"the artifacts of run {runId}");
    }

    /// <summary>Every file below a proxy folder, as paths relative to it (empty for a file or a missing path).</summary>
    private async Task<List<string>> ListProxyTreeAsync(string proxyPath, CancellationToken cancellationToken)
    {
        var files = new List<string>();
        var pending = new Stack<string>([""]);
        while (pending.TryPop(out var relative))
        {
            var reply = await Http.GetArtifactListAsync(ArtifactLocations.Combine(proxyPath, relative), cancellationToken);
            foreach (var entry in reply.Read(Json.ListArtifactsResponse).Files ?? [])
            {
                var child = ArtifactPaths.Combine(relative, ArtifactPaths.FileName(entry.Path));
                if (entry.IsDir) pending.Push(child);
                else files.Add(child);
            }
        }
        files.Sort(StringComparer.Ordinal);
        return files;
    }

    private async Task DownloadTreeAsync(string proxyPath, IEnumerable<string> files, string localDirectory, CancellationToken cancellationToken)
    {
        foreach (var relative in files)
        {
            var target = Path.Combine(localDirectory, relative.Replace('/', Path.DirectorySeparatorChar));
            await Http.DownloadArtifactAsync(ArtifactLocations.Combine(proxyPath, relative), target, cancellationToken);
        }
    }
}
