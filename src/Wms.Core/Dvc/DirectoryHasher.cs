namespace Wms.Core.Dvc;

/// <summary>Hashes a tracked directory the way DVC builds its tree (ECOSYSTEM.md §a.2).</summary>
public static class DirectoryHasher
{
    /// <summary>
    /// Every file below <paramref name="directory"/> (dotfiles included, empty folders leave no
    /// trace), minus what <paramref name="ignore"/> excludes, hashed in parallel.
    /// </summary>
    public static HashedTree Hash(string directory, DvcHashName hashName = DvcHashName.Md5, DvcIgnore? ignore = null,
        IProgress<ProgressReport>? progress = null, CancellationToken cancellationToken = default)
    {
        if (File.Exists(Path.Combine(directory, DvcIgnore.FileName)))
            throw new WmsException($"{Path.Combine(directory, DvcIgnore.FileName)}: a .dvcignore inside a tracked directory is not allowed (DVC refuses it too)");
        var paths = Directory.EnumerateFiles(directory, "*", new EnumerationOptions
            {
                RecurseSubdirectories = true,
                AttributesToSkip = 0,
                IgnoreInaccessible = false,
            })
            .Where(p => ignore is null || !ignore.IsIgnored(p))
            .Order(StringComparer.Ordinal)
            .ToList();
        var files = new HashedFile[paths.Count];
        var done = 0;
        Parallel.For(0, paths.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var path = paths[i];
            var relPath = Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/');
            try
            {
                files[i] = new HashedFile(path, relPath, Md5Hasher.HashFile(path, hashName), new FileInfo(path).Length);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                throw new WmsException($"{path}: cannot read file ({e.Message})");
            }
            progress?.Report(new ProgressReport("hashing", Interlocked.Increment(ref done), paths.Count));
        });
        return new HashedTree(new DirManifest(files.Select(f => new ManifestEntry(f.Md5, f.RelPath))), files);
    }
}
