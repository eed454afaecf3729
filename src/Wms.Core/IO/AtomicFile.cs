using System.Text;

namespace Wms.Core.IO;

/// <summary>
/// Writes files through a temporary name in the same folder and a rename, so readers see the old
/// file or the whole new one, never half of it (a crash leaves only a stray temp file).
/// </summary>
public static class AtomicFile
{
    /// <summary>A temp path next to <paramref name="path"/> (same file system, so the rename is atomic).</summary>
    public static string TempPathFor(string path) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(path))!, "." + Path.GetFileName(path) + "." + Guid.NewGuid().ToString("N")[..8] + ".tmp");

    public static void WriteAllText(string path, string text) => WriteAllBytes(path, Encoding.UTF8.GetBytes(text));

    public static void WriteAllBytes(string path, ReadOnlySpan<byte> bytes)
    {
        var temp = TempPathFor(path);
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write))
            {
                stream.Write(bytes);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, path, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

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
        var temp = tempDirectory is null ? TempPathFor(destination) : Path.Combine(tempDirectory, Path.GetRandomFileName() + ".tmp");
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

    public static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Best effort: a leftover temp file is harmless and named as one.
        }
    }
}
