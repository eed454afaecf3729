using System.Collections.Concurrent;
using Wms.Core.Dvc.Storage;

namespace Wms.Core.Dvc;

/// <summary>
/// <c>dvc push</c>: sends the cache objects of each output the remote lacks, file objects first
/// and the <c>.dir</c> manifest last, only when every file object of that directory is there
/// (so a <c>.dir</c> on the remote always means the directory is complete, as in DVC). Each
/// cache object is checked against its id before it leaves.
/// </summary>
public static class DvcPush
{
    public static async Task<TransferResult> PushAsync(DvcRepository repository, IReadOnlyList<TrackedOutput> outputs, IObjectStore remote,
        int jobs = 8, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        int transferred = 0, present = 0;
        var failures = new ConcurrentBag<TransferFailure>();
        foreach (var tracked in outputs)
        {
            var output = tracked.Out;
            if (output.Oid is null) continue;
            var name = tracked.Name(repository);
            var dirKey = DvcLayout.KeyOf(output.Oid, output.HashName);
            DirManifest? manifest = null;
            if (output.IsDirectory && (manifest = OutputObjects.ManifestFromCache(repository, output)) is null)
            {
                failures.Add(new TransferFailure(name, dirKey, "the .dir manifest is not in the cache (run 'wms data add' or 'wms data pull')", WmsErrorKind.NotFound));
                continue;
            }

            var keys = OutputObjects.FileOids(output, manifest).Select(oid => (Oid: oid, Key: DvcLayout.KeyOf(oid, output.HashName))).ToList();
            var onRemote = await OutputObjects.ExistingAsync(remote, keys.Select(k => k.Key).Append(dirKey), jobs, cancellationToken);
            var missing = keys.Where(k => !onRemote.Contains(k.Key)).ToList();
            present += keys.Count - missing.Count;
            var failedHere = 0;
            var done = 0;
            await Parallel.ForEachAsync(missing, OutputObjects.Options(jobs, cancellationToken), async (item, ct) =>
            {
                var failure = await UploadAsync(repository, remote, output.HashName, name, item.Oid, item.Key, ct);
                if (failure is null) Interlocked.Increment(ref transferred);
                else
                {
                    failures.Add(failure);
                    Interlocked.Increment(ref failedHere);
                }
                progress?.Report(new ProgressReport($"pushing {name}", Interlocked.Increment(ref done), missing.Count));
            });

            if (!output.IsDirectory) continue;
            if (failedHere > 0)
            {
                failures.Add(new TransferFailure(name, dirKey, $"not uploaded: {failedHere} file object(s) failed, so the remote keeps no manifest for an incomplete directory", WmsErrorKind.DependencyUnavailable));
            }
            else if (onRemote.Contains(dirKey))
            {
                present++;
            }
            else
            {
                var failure = await UploadAsync(repository, remote, output.HashName, name, output.Oid, dirKey, cancellationToken);
                if (failure is null) transferred++;
                else failures.Add(failure);
            }
        }
        return new TransferResult(transferred, present, 0, 0, failures.OrderBy(f => f.Key, StringComparer.Ordinal).ToList(), []);
    }

    private static async Task<TransferFailure?> UploadAsync(DvcRepository repository, IObjectStore remote, DvcHashName hashName,
        string output, string oid, string key, CancellationToken cancellationToken)
    {
        var path = repository.Cache.PathOf(key);
        if (!File.Exists(path))
            return new TransferFailure(output, key, "not in the cache", WmsErrorKind.NotFound);
        var (md5, problem) = OutputObjects.Verify(path, oid, hashName);
        if (problem is not null)
            return new TransferFailure(output, key, $"cache object {path}: {problem}; not uploaded", WmsErrorKind.DataInvalid);
        try
        {
            await remote.UploadAsync(key, path, md5!, cancellationToken);
            return null;
        }
        catch (WmsException e)
        {
            return new TransferFailure(output, key, e.Message, e.Kind);
        }
    }
}
