namespace Wms.Core.Tracking.Embedded;

public sealed partial class SqliteTrackingStore
{
    /// <inheritdoc />
    public async Task LogArtifactAsync(string runId, string localFile, string? artifactDirectory = null, CancellationToken cancellationToken = default)
    {
        ArtifactPaths.RequireLocalFile(localFile);
        var target = ArtifactPaths.Combine(ArtifactPaths.Normalize(artifactDirectory), Path.GetFileName(localFile));
        var root = await RunArtifactRootAsync(runId, cancellationToken);
        await LocalFiles.CopyFileAtomicAsync(localFile, LocalPath(root, target), cancellationToken);
    }

    /// <inheritdoc />
    public async Task LogArtifactsAsync(string runId, string localDirectory, string? artifactDirectory = null, CancellationToken cancellationToken = default)
    {
        ArtifactPaths.RequireLocalDirectory(localDirectory);
        var directory = ArtifactPaths.Normalize(artifactDirectory);
        var root = await RunArtifactRootAsync(runId, cancellationToken);
        Directory.CreateDirectory(LocalPath(root, directory));
        foreach (var (file, relative) in ArtifactPaths.EnumerateFiles(localDirectory))
            await LocalFiles.CopyFileAtomicAsync(file, LocalPath(root, ArtifactPaths.Combine(directory, relative)), cancellationToken);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default)
    {
        var directory = ArtifactPaths.Normalize(path);
        var local = LocalPath(await RunArtifactRootAsync(runId, cancellationToken), directory);
        if (!Directory.Exists(local)) return [];
        return new DirectoryInfo(local).EnumerateFileSystemInfos()
            .Where(e => !IsTemporary(e.Name))
            .Select(e => e is FileInfo f
                ? new ArtifactEntry(ArtifactPaths.Combine(directory, f.Name), false, f.Length)
                : new ArtifactEntry(ArtifactPaths.Combine(directory, e.Name), true, null))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
    }

    /// <inheritdoc />
    public async Task<string> DownloadArtifactsAsync(string runId, string artifactPath, string localDirectory, CancellationToken cancellationToken = default)
    {
        var path = ArtifactPaths.Normalize(artifactPath);
        var source = LocalPath(await RunArtifactRootAsync(runId, cancellationToken), path);
        localDirectory = Path.GetFullPath(localDirectory);
        if (path.Length > 0 && File.Exists(source))
        {
            var target = Path.Combine(localDirectory, Path.GetFileName(source));
            await LocalFiles.CopyFileAtomicAsync(source, target, cancellationToken);
            return target;
        }
        if (!Directory.Exists(source))
            throw WmsException.NotFound($"run {runId} has no artifact '{path}' ({Location})");
        Directory.CreateDirectory(localDirectory);
        await CopyTreeAsync(source, localDirectory, cancellationToken);
        return localDirectory;
    }

    private async Task<string> RunArtifactRootAsync(string runId, CancellationToken cancellationToken)
    {
        var info = await ReadAsync(session => ReadRunInfo(session, runId), cancellationToken);
        return RunArtifactDirectory(info.ExperimentId, runId);
    }

    private static async Task CopyTreeAsync(string source, string destination, CancellationToken cancellationToken)
    {
        foreach (var (file, relative) in ArtifactPaths.EnumerateFiles(source))
        {
            if (relative.Split('/').Any(IsTemporary)) continue;
            await LocalFiles.CopyFileAtomicAsync(file, Path.Combine(destination, relative), cancellationToken);
        }
    }

    private static string LocalPath(string root, string artifactPath) =>
        artifactPath.Length == 0 ? root : Path.Combine(root, artifactPath.Replace('/', Path.DirectorySeparatorChar));

    private static bool IsTemporary(string name) => LocalFiles.IsTemporary(name);
}
