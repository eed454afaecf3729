using Wms.Core.Dvc.Storage;

namespace Wms.Core.Dvc;

/// <summary>
/// A folder with a <c>.dvc/</c> directory: its config, its cache and its <c>.dvc</c> files. The same
/// layout as DVC's, so `dvc` and `wms` can work on one repository.
/// </summary>
public sealed class DvcRepository
{
    public const string DvcDirectoryName = ".dvc";

    private DvcRepository(string root)
    {
        Root = root;
        Config = DvcConfig.Load(DvcDirectory);
        Cache = new LocalObjectStore(Config.CacheDirectory ?? Path.Combine(DvcDirectory, "cache"));
    }

    public string Root { get; }

    public string DvcDirectory => Path.Combine(Root, DvcDirectoryName);

    public DvcConfig Config { get; }

    /// <summary>The local cache; DVC 3 objects sit under <c>files/md5/</c>, DVC 2 ones at its root.</summary>
    public LocalObjectStore Cache { get; }

    /// <summary>The repository that contains <paramref name="directory"/> (it or the nearest parent with <c>.dvc/</c>).</summary>
    public static DvcRepository Find(string directory)
    {
        for (var dir = new DirectoryInfo(Path.GetFullPath(directory)); dir is not null; dir = dir.Parent)
        {
            if (Directory.Exists(Path.Combine(dir.FullName, DvcDirectoryName)))
                return new DvcRepository(dir.FullName);
        }
        throw new WmsException($"{directory}: not inside a DVC repository (no {DvcDirectoryName}/ here or above); run 'wms data init' (or 'dvc init') first");
    }

    /// <summary>
    /// Creates <c>.dvc/</c> as <c>dvc init</c> does (an empty or one-remote <c>config</c>,
    /// <c>.dvc/.gitignore</c>, a commented <c>.dvcignore</c>). An existing setup is left alone.
    /// </summary>
    public static DvcRepository Init(string root, string? remoteName = null, string? remoteUrl = null)
    {
        var dvcDir = Path.Combine(root, DvcDirectoryName);
        var exists = Directory.Exists(dvcDir);
        if (exists && remoteName is not null)
            throw new WmsException($"{dvcDir} exists already; add the remote to {Path.Combine(dvcDir, "config")} instead", WmsErrorKind.Conflict);
        if (!exists)
        {
            Directory.CreateDirectory(dvcDir);
            AtomicFile.WriteAllText(Path.Combine(dvcDir, "config"), remoteName is null ? "" : DvcConfig.WithRemote(remoteName, ConfigUrl(root, dvcDir, remoteUrl!)));
            AtomicFile.WriteAllText(Path.Combine(dvcDir, ".gitignore"), "/config.local\n/tmp\n/cache\n");
            var dvcIgnore = Path.Combine(root, ".dvcignore");
            if (!File.Exists(dvcIgnore))
            {
                AtomicFile.WriteAllText(dvcIgnore, "# Add patterns of files dvc should ignore, which could improve\n"
                    + "# the performance. Learn more at\n# https://dvc.org/doc/user-guide/dvcignore\n");
            }
        }
        return new DvcRepository(Path.GetFullPath(root));
    }

    /// <summary>
    /// A remote url as DVC stores it: a relative local path given from <paramref name="root"/>
    /// becomes relative to <c>.dvc/</c>, where DVC resolves it.
    /// </summary>
    private static string ConfigUrl(string root, string dvcDir, string url) =>
        url.Contains("://", StringComparison.Ordinal) || Path.IsPathRooted(url)
            ? url
            : Path.GetRelativePath(dvcDir, Path.GetFullPath(url, root)).Replace('\\', '/');

    /// <summary>Every <c>.dvc</c> file in the repository (not under <c>.git</c>, <c>.dvc</c> or hidden folders), in path order.</summary>
    public IReadOnlyList<string> FindDvcFiles()
    {
        var found = new List<string>();
        var pending = new Stack<string>([Root]);
        while (pending.Count > 0)
        {
            var dir = pending.Pop();
            found.AddRange(Directory.EnumerateFiles(dir, "*.dvc"));
            foreach (var sub in Directory.EnumerateDirectories(dir))
            {
                var name = Path.GetFileName(sub);
                if (!name.StartsWith('.') && name != "node_modules" && !File.Exists(sub + ".dvc")) pending.Push(sub);
            }
        }
        found.Sort(StringComparer.Ordinal);
        return found;
    }

    /// <summary>The repository-relative path with <c>/</c>, for messages.</summary>
    public string Relative(string path) => Path.GetRelativePath(Root, path).Replace('\\', '/');
}
