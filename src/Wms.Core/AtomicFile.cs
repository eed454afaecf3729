namespace Wms.Core;

/// <summary>Writes files so a reader never sees half of one: a temporary name next to it, then a rename.</summary>
public static class AtomicFile
{
    /// <summary>Writes <paramref name="bytes"/> to <paramref name="path"/>, replacing it, creating its folder.</summary>
    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var full = Path.GetFullPath(path);
        var temp = TempNameFor(full);
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(full)!);
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                stream.Write(bytes);
            File.Move(temp, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temp);
            throw new WmsException($"{path}: cannot write file ({e.Message})");
        }
    }

    /// <summary>A hidden name in the same folder (same file system, so the rename is atomic).</summary>
    public static string TempNameFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, System.Text.Encoding.UTF8.GetBytes(text));

    /// <summary>
    /// Copies <paramref name="source"/> to <paramref name="destination"/> through a temp file. The
    /// copy gets default permissions (not the source's), so a copy of a read-only cache object is
    /// an ordinary writable file.
    /// </summary>
    /// <param name="tempDirectory">
    /// Where the temp file is written (same file system as the destination); by default next to
    /// it. A tracked folder should pass another one, so a crash leaves no stray file inside it.
    /// </param>
    public static void Copy(string source, string destination, bool overwrite = true, string? tempDirectory = null)
    {
        var temp = tempDirectory is null ? TempNameFor(destination) : Path.Combine(tempDirectory, Path.GetRandomFileName() + ".tmp");
        try
        {
            using (var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan))
            using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
                input.CopyTo(output, 1 << 16);
            File.Move(temp, destination, overwrite);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    /// <summary>Deletes a file if it can; a leftover temp file is harmless and named as one.</summary>
    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: the write already failed and that is what the caller hears about.
        }
    }

    /// <summary>Deletes a folder and what it holds if it can; the error that led here is what the caller reports.</summary>
    public static void TryDeleteDirectory(string directory)
    {
        try
        {
            Directory.Delete(directory, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover folder is the user's to delete.
        }
    }
}
