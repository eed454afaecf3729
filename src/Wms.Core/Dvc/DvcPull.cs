using System.Collections.Concurrent;
using Wms.Core.Dvc.Storage;

namespace Wms.Core.Dvc;

/// <summary>
/// <c>dvc pull</c>: fetch each output's <c>.dir</c> manifest and the objects the cache lacks,
/// verify every MD5, then make the workspace match. An output is written only when all of its
/// objects arrived intact, and each file goes in through a temp name and a rename, so an
/// interrupted or failed pull never leaves a partial or corrupt file. Local changes that would
/// be lost (modified or untracked files) stop the output unless <c>force</c> is set.
/// </summary>
public static class DvcPull
{
    public static async Task<TransferResult> PullAsync(DvcRepository repository, IReadOnlyList<TrackedOutput> outputs, IObjectStore remote,
        bool force = false, int jobs = 8, IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        int fetched = 0, present = 0, written = 0, removed = 0;
        var failures = new ConcurrentBag<TransferFailure>();
        var conflicts = new List<CheckoutConflict>();
        var ignore = DvcIgnore.Load(repository.Root);
        foreach (var tracked in outputs)
        {
            var output = tracked.Out;
            if (output.Oid is null) continue;
            var name = tracked.Name(repository);
            DirManifest? manifest = null;
            if (output.IsDirectory)
            {
                var dirKey = DvcLayout.KeyOf(output.Oid, output.HashName);
                if (repository.Cache.Exists(dirKey)) present++;
                else if (await FetchAsync(repository, remote, output.HashName, name, output.Oid, dirKey, cancellationToken) is { } failure)
                {
                    failures.Add(failure);
                    continue;
                }
                else fetched++;
                manifest = OutputObjects.ManifestFromCache(repository, output)!;
            }

            var plan = Checkout.Plan(tracked, manifest, ignore, cancellationToken);
            if (!force && plan.Conflict(name) is { } conflict)
            {
                conflicts.Add(conflict);
                continue;
            }

            var missing = OutputObjects.FileOids(output, manifest).Select(oid => (Oid: oid, Key: DvcLayout.KeyOf(oid, output.HashName)))
                .Where(k => !repository.Cache.Exists(k.Key)).ToList();
            present += OutputObjects.FileOids(output, manifest).Count - missing.Count;
            var failedHere = 0;
            var done = 0;
            await Parallel.ForEachAsync(missing, OutputObjects.Options(jobs, cancellationToken), async (item, ct) =>
            {
                var failure = await FetchAsync(repository, remote, output.HashName, name, item.Oid, item.Key, ct);
                if (failure is null) Interlocked.Increment(ref fetched);
                else
                {
                    failures.Add(failure);
                    Interlocked.Increment(ref failedHere);
                }
                progress?.Report(new ProgressReport($"pulling {name}", Interlocked.Increment(ref done), missing.Count));
            });
            if (failedHere > 0)
            {
                failures.Add(new TransferFailure(name, "", $"workspace not changed: {failedHere} object(s) could not be fetched intact", WmsErrorKind.DependencyUnavailable));
                continue;
            }
            var (w, r) = plan.Apply(repository, cancellationToken);
            written += w;
            removed += r;
        }
        return new TransferResult(fetched, present, written, removed, failures.OrderBy(f => f.Key, StringComparer.Ordinal).ToList(), conflicts);
    }

    /// <summary>Downloads one object into a temp file in the cache, verifies it, and renames it into place.</summary>
    private static async Task<TransferFailure?> FetchAsync(DvcRepository repository, IObjectStore remote, DvcHashName hashName,
        string output, string oid, string key, CancellationToken cancellationToken)
    {
        var target = repository.Cache.PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = AtomicFile.TempNameFor(target);
        try
        {
            await remote.DownloadAsync(key, temp, cancellationToken);
            var (_, problem) = OutputObjects.Verify(temp, oid, hashName);
            if (problem is not null)
                return new TransferFailure(output, key, $"{remote.Location}: {problem}; not stored", WmsErrorKind.DataInvalid);
            repository.Cache.MoveIn(key, temp);
            return null;
        }
        catch (WmsException e)
        {
            return new TransferFailure(output, key, e.Message, e.Kind);
        }
        finally
        {
            AtomicFile.TryDelete(temp);
        }
    }
}
