using Wms.Core.Dvc.Storage;

namespace Wms.Core.Dvc;

/// <summary>
/// <c>dvc status</c> and <c>dvc status --cloud</c> in one: for every output, the workspace against
/// its record (new, modified and deleted files), the cache (recorded objects it lacks) and,
/// with a remote, which objects need a push or a pull. Nothing is written.
/// </summary>
public static class DvcStatus
{
    public static async Task<IReadOnlyList<OutputStatus>> ComputeAsync(DvcRepository repository, IReadOnlyList<TrackedOutput> outputs,
        IObjectStore? remote, string? remoteName, int jobs = 8, CancellationToken cancellationToken = default)
    {
        var ignore = DvcIgnore.Load(repository.Root);
        var result = new List<OutputStatus>();
        foreach (var tracked in outputs)
        {
            var output = tracked.Out;
            var dvcFile = repository.Relative(tracked.DvcFilePath);
            var name = tracked.Name(repository);
            if (output.Oid is null)
            {
                result.Add(new OutputStatus(dvcFile, name, WorkspaceState.NotCommitted, null, 0, 0, false, null));
                continue;
            }

            var dirKey = DvcLayout.KeyOf(output.Oid, output.HashName);
            var manifest = output.IsDirectory ? OutputObjects.ManifestFromCache(repository, output) : null;
            if (output.IsDirectory && manifest is null && remote is not null)
                manifest = await ManifestFromRemoteAsync(remote, output, dirKey, cancellationToken);

            var (state, changes) = Workspace(tracked, manifest, ignore, cancellationToken);
            var fileKeys = OutputObjects.FileOids(output, manifest).Select(oid => DvcLayout.KeyOf(oid, output.HashName)).ToList();
            var allKeys = output.IsDirectory ? fileKeys.Append(dirKey).ToList() : fileKeys;
            var inCache = allKeys.Where(repository.Cache.Exists).ToHashSet(StringComparer.Ordinal);

            RemoteObjectStatus? remoteStatus = null;
            if (remote is not null)
            {
                var onRemote = await OutputObjects.ExistingAsync(remote, allKeys, jobs, cancellationToken);
                remoteStatus = new RemoteObjectStatus(remoteName ?? remote.Location,
                    allKeys.Count(k => inCache.Contains(k) && onRemote.Contains(k)),
                    allKeys.Count(k => inCache.Contains(k) && !onRemote.Contains(k)),
                    allKeys.Count(k => !inCache.Contains(k) && onRemote.Contains(k)),
                    allKeys.Count(k => !inCache.Contains(k) && !onRemote.Contains(k)));
            }
            result.Add(new OutputStatus(dvcFile, name, state, changes, allKeys.Count, allKeys.Count - inCache.Count,
                !output.IsDirectory || manifest is not null, remoteStatus));
        }
        return result;
    }

    private static (WorkspaceState, WorkspaceDiff?) Workspace(TrackedOutput tracked, DirManifest? manifest, DvcIgnore? ignore, CancellationToken cancellationToken)
    {
        var output = tracked.Out;
        var path = tracked.WorkspacePath;
        if (!output.IsDirectory)
        {
            if (!File.Exists(path)) return (WorkspaceState.Deleted, null);
            return Md5Hasher.HashFile(path, output.HashName) == output.Oid ? (WorkspaceState.Unchanged, null) : (WorkspaceState.Modified, null);
        }
        if (!Directory.Exists(path)) return (WorkspaceState.Deleted, null);
        var current = DirectoryHasher.Hash(path, output.HashName, ignore, cancellationToken: cancellationToken);
        if (current.Oid == output.Oid) return (WorkspaceState.Unchanged, new WorkspaceDiff([], [], []));
        // Without the recorded manifest the per-file breakdown is unknown; the hash alone says "modified".
        return (WorkspaceState.Modified, manifest is null ? null : WorkspaceDiff.Compare(manifest, current));
    }

    private static async Task<DirManifest?> ManifestFromRemoteAsync(IObjectStore remote, DvcOut output, string dirKey, CancellationToken cancellationToken)
    {
        if (!await remote.ExistsAsync(dirKey, cancellationToken)) return null;
        var temp = Path.Combine(Path.GetTempPath(), "wms-dir-" + Guid.NewGuid().ToString("N") + ".tmp");
        try
        {
            await remote.DownloadAsync(dirKey, temp, cancellationToken);
            var (_, problem) = OutputObjects.Verify(temp, output.Oid!, output.HashName);
            return problem is null ? DirManifest.Parse(await File.ReadAllBytesAsync(temp, cancellationToken), dirKey) : null;
        }
        finally
        {
            AtomicFile.TryDelete(temp);
        }
    }
}
