
namespace Wms.Core.Dvc;

/// <summary>
/// <c>dvc add</c> for a directory or a file: hash it, copy new objects into the cache (read-only),
/// store the <c>.dir</c> manifest, write <c>TARGET.dvc</c> and add the target to the
/// <c>.gitignore</c> next to it. The workspace files are left as they are (DVC's "copy" link type).
/// </summary>
public static class DvcAdd
{
    public static AddResult Add(DvcRepository repository, string target, IProgress<ProgressReport>? progress = null,
        CancellationToken cancellationToken = default)
    {
        target = Path.TrimEndingDirectorySeparator(Path.GetFullPath(target));
        var relative = Path.GetRelativePath(repository.Root, target);
        if (relative == "." || relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative))
            throw new WmsException($"{target}: not inside the DVC repository at {repository.Root}");
        if (relative.Split(Path.DirectorySeparatorChar).Any(p => p is ".git" or DvcRepository.DvcDirectoryName))
            throw new WmsException($"{target}: is inside .git or .dvc and cannot be tracked");

        var dvcFilePath = target + ".dvc";
        var extras = File.Exists(dvcFilePath) ? DvcFile.Load(dvcFilePath).Outs.FirstOrDefault()?.Extras : null;
        DvcOut output;
        int cached = 0, present = 0;
        if (Directory.Exists(target))
        {
            var tree = DirectoryHasher.Hash(target, DvcHashName.Md5, DvcIgnore.Load(repository.Root), progress, cancellationToken);
            foreach (var file in tree.Files)
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (CacheFile(repository, file.FullPath, file.Md5)) cached++;
                else present++;
            }
            var oid = tree.Oid;
            repository.Cache.PutBytes(DvcLayout.KeyOf(oid, DvcHashName.Md5), tree.Manifest.ToBytes());
            output = new DvcOut(Path.GetFileName(target), oid, tree.Size, tree.Files.Count, DvcHashName.Md5, Extras: extras);
        }
        else if (File.Exists(target))
        {
            var md5 = Md5Hasher.HashFile(target);
            if (CacheFile(repository, target, md5)) cached++;
            else present++;
            output = new DvcOut(Path.GetFileName(target), md5, new FileInfo(target).Length, null, DvcHashName.Md5,
                IsExec: !OperatingSystem.IsWindows() && (File.GetUnixFileMode(target) & UnixFileMode.UserExecute) != 0, Extras: extras);
        }
        else
        {
            throw WmsException.NotFound($"{target}: no such file or directory");
        }

        new DvcFile([output]).Save(dvcFilePath);
        GitIgnore.AddEntry(Path.GetDirectoryName(target)!, "/" + Path.GetFileName(target));
        return new AddResult(dvcFilePath, output, cached, present);
    }

    /// <summary>Copies a workspace file into the cache unless its object is there; true when copied.</summary>
    private static bool CacheFile(DvcRepository repository, string path, string md5)
    {
        var key = DvcLayout.KeyOf(md5, DvcHashName.Md5);
        if (repository.Cache.Exists(key)) return false;
        repository.Cache.Put(key, path, md5);
        return true;
    }
}
