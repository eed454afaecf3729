
namespace Wms.Core.Dvc.Storage;

/// <summary>
/// Objects as files under a folder: the DVC cache (<c>.dvc/cache</c>) or a local remote. Objects
/// are written through a temp file, checked, renamed into place and made read-only (0444), as
/// DVC's <c>LocalHashFileDB</c> does.
/// </summary>
public sealed class LocalObjectStore(string root) : IObjectStore
{
    public string Root { get; } = Path.GetFullPath(root);

    public string Location => Root;

    public string PathOf(string key) => Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar));

    public bool Exists(string key) => File.Exists(PathOf(key));

    public Task<bool> ExistsAsync(string key, CancellationToken cancellationToken) => Task.FromResult(Exists(key));

    public Task UploadAsync(string key, string sourceFile, string contentMd5, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Put(key, sourceFile, contentMd5);
        return Task.CompletedTask;
    }

    /// <summary>Copies <paramref name="sourceFile"/> in as <paramref name="key"/>, verified against <paramref name="contentMd5"/>.</summary>
    public void Put(string key, string sourceFile, string contentMd5)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var temp = AtomicFile.TempNameFor(target);
        try
        {
            using (var input = new FileStream(sourceFile, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                input.CopyTo(output, 1 << 16);
            var stored = Md5Hasher.HashFile(temp);
            if (stored != contentMd5)
                throw new WmsException($"{Location}: {key} was stored with md5 {stored}, expected {contentMd5} (source changed while copying?)", WmsErrorKind.DataInvalid);
            MakeReadOnly(temp);
            File.Move(temp, target, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            AtomicFile.TryDelete(temp);
            throw new WmsException($"{Location}: cannot write {key} ({e.Message})", WmsErrorKind.DependencyUnavailable, e);
        }
        catch
        {
            AtomicFile.TryDelete(temp);
            throw;
        }
    }

    /// <summary>Moves an already verified file (a download in this store's folder) in as <paramref name="key"/>.</summary>
    public void MoveIn(string key, string verifiedFile)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        MakeReadOnly(verifiedFile);
        File.Move(verifiedFile, target, overwrite: true);
    }

    /// <summary>Stores <paramref name="bytes"/> (a <c>.dir</c> manifest) as <paramref name="key"/>.</summary>
    public void PutBytes(string key, ReadOnlySpan<byte> bytes)
    {
        var target = PathOf(key);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        AtomicFile.WriteAllBytes(target, bytes);
        MakeReadOnly(target);
    }

    public Task DownloadAsync(string key, string destinationFile, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var source = PathOf(key);
        if (!File.Exists(source)) throw WmsException.NotFound($"{Location}: object {key} not found");
        try
        {
            using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
            using var output = new FileStream(destinationFile, FileMode.Create, FileAccess.Write);
            input.CopyTo(output, 1 << 16);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WmsException($"{Location}: cannot read {key} ({e.Message})", WmsErrorKind.DependencyUnavailable, e);
        }
        return Task.CompletedTask;
    }

    private static void MakeReadOnly(string path)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.GroupRead | UnixFileMode.OtherRead);
    }
}
