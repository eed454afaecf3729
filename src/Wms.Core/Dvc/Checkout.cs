
namespace Wms.Core.Dvc;

/// <summary>
/// What it takes to make one output in the workspace match its record: which files to write from
/// the cache and which untracked ones to remove. Files are written through <c>.dvc/tmp</c> and a
/// rename, so a tracked folder never holds a partial file.
/// </summary>
internal sealed class Checkout
{
    private readonly TrackedOutput _tracked;
    private readonly DirManifest? _manifest;
    private readonly WorkspaceDiff _diff;

    private Checkout(TrackedOutput tracked, DirManifest? manifest, WorkspaceDiff diff)
    {
        _tracked = tracked;
        _manifest = manifest;
        _diff = diff;
    }

    public static Checkout Plan(TrackedOutput tracked, DirManifest? manifest, DvcIgnore? ignore, CancellationToken cancellationToken)
    {
        var output = tracked.Out;
        var path = tracked.WorkspacePath;
        if (manifest is not null)
        {
            if (File.Exists(path)) return new Checkout(tracked, manifest, new WorkspaceDiff([Path.GetFileName(path)], [], []));
            var current = Directory.Exists(path) ? DirectoryHasher.Hash(path, output.HashName, ignore, cancellationToken: cancellationToken) : null;
            return new Checkout(tracked, manifest, WorkspaceDiff.Compare(manifest, current));
        }
        var name = Path.GetFileName(path);
        if (Directory.Exists(path)) return new Checkout(tracked, null, new WorkspaceDiff([name], [], []));
        if (!File.Exists(path)) return new Checkout(tracked, null, new WorkspaceDiff([], [], [name]));
        var same = Md5Hasher.HashFile(path, output.HashName) == output.Oid;
        return new Checkout(tracked, null, same ? new WorkspaceDiff([], [], []) : new WorkspaceDiff([], [name], []));
    }

    /// <summary>Local work a checkout would destroy, or null when there is none.</summary>
    public CheckoutConflict? Conflict(string name) =>
        _diff.Modified.Count > 0 || _diff.New.Count > 0 ? new CheckoutConflict(name, _diff.Modified, _diff.New) : null;

    /// <summary>Writes missing and modified files from the cache and removes untracked ones; returns the counts.</summary>
    public (int Written, int Removed) Apply(DvcRepository repository, CancellationToken cancellationToken)
    {
        var temp = Path.Combine(repository.DvcDirectory, "tmp");
        Directory.CreateDirectory(temp);
        var output = _tracked.Out;
        var path = _tracked.WorkspacePath;
        if (_manifest is null)
        {
            if (_diff.IsClean) return (0, 0);
            if (Directory.Exists(path)) Directory.Delete(path, recursive: true);
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            AtomicFile.Copy(repository.Cache.PathOf(DvcLayout.KeyOf(output.Oid!, output.HashName)), path, tempDirectory: temp);
            return (1, 0);
        }

        if (File.Exists(path)) File.Delete(path);
        var removed = 0;
        foreach (var relPath in _diff.New)
        {
            File.Delete(Path.Combine(path, relPath));
            removed++;
        }
        var toWrite = _diff.Modified.Concat(_diff.Deleted).ToHashSet(StringComparer.Ordinal);
        var written = 0;
        foreach (var entry in _manifest.Entries.Where(e => toWrite.Contains(e.RelPath)))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var destination = Path.Combine(path, entry.RelPath.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            AtomicFile.Copy(repository.Cache.PathOf(DvcLayout.KeyOf(entry.Md5, output.HashName)), destination, tempDirectory: temp);
            written++;
        }
        Directory.CreateDirectory(path);
        return (written, removed);
    }
}
