using System.Collections.Concurrent;
using Wms.Core.Dvc.Storage;

namespace Wms.Core.Dvc;

/// <summary>The objects an output is made of, and helpers to move and check them.</summary>
internal static class OutputObjects
{
    /// <summary>The recorded manifest of a directory output from the cache, or null when the cache lacks it.</summary>
    public static DirManifest? ManifestFromCache(DvcRepository repository, DvcOut output)
    {
        var path = repository.Cache.PathOf(DvcLayout.KeyOf(output.Oid!, output.HashName));
        return File.Exists(path) ? DirManifest.Parse(File.ReadAllBytes(path), path) : null;
    }

    /// <summary>The distinct file-object ids: the manifest's entries for a directory, the output itself for a file.</summary>
    public static IReadOnlyList<string> FileOids(DvcOut output, DirManifest? manifest) =>
        output.IsDirectory
            ? (manifest?.Entries.Select(e => e.Md5).Distinct(StringComparer.Ordinal).ToList() ?? [])
            : [output.Oid!];

    /// <summary>Which of <paramref name="keys"/> <paramref name="store"/> holds, asking up to <paramref name="jobs"/> at a time.</summary>
    public static async Task<IReadOnlySet<string>> ExistingAsync(IObjectStore store, IEnumerable<string> keys, int jobs, CancellationToken cancellationToken)
    {
        var found = new ConcurrentDictionary<string, bool>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(keys.Distinct(StringComparer.Ordinal), Options(jobs, cancellationToken), async (key, ct) =>
        {
            if (await store.ExistsAsync(key, ct)) found[key] = true;
        });
        return found.Keys.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>
    /// Checks that the bytes of <paramref name="path"/> hash to <paramref name="oid"/> under
    /// <paramref name="hashName"/>; returns their plain MD5 (what S3 and the local store verify) or a problem.
    /// </summary>
    public static (string? Md5, string? Problem) Verify(string path, string oid, DvcHashName hashName)
    {
        var expected = DvcOid.Md5Of(oid);
        var md5 = Md5Hasher.HashFile(path);
        var actual = hashName == DvcHashName.Md5 ? md5 : Md5Hasher.HashFile(path, hashName);
        return actual == expected ? (md5, null) : (null, $"content hashes to {actual}, not {expected} (corrupt object)");
    }

    public static ParallelOptions Options(int jobs, CancellationToken cancellationToken) =>
        new() { MaxDegreeOfParallelism = Math.Max(1, jobs), CancellationToken = cancellationToken };
}
