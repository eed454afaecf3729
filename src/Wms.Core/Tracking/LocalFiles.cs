using System.Text.RegularExpressions;

namespace Wms.Core.Tracking;

/// <summary>Writes that never leave a half-written file or folder behind: temp name first, then a rename.</summary>
internal static partial class LocalFiles
{
    public static string TempSibling(string path, string tag) =>
        path.TrimEnd('/', Path.DirectorySeparatorChar) + $".{tag}-{Guid.NewGuid():N}";

    /// <summary>True for a name <see cref="TempSibling"/> made: a file in flight, not content.</summary>
    public static bool IsTemporary(string name) => TemporaryName().IsMatch(name);

    [GeneratedRegex(@"\.(tmp|download|old)-[0-9a-f]{32}$")]
    private static partial Regex TemporaryName();

    public static async Task CopyFileAtomicAsync(string source, string destination, CancellationToken cancellationToken)
    {
        await using var input = new FileStream(source, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true);
        await WriteAtomicAsync(input, destination, cancellationToken);
    }

    public static async Task WriteAtomicAsync(Stream content, string destination, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(destination))!);
        var temp = TempSibling(destination, "tmp");
        try
        {
            await using (var output = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true))
            {
                await content.CopyToAsync(output, cancellationToken);
                await output.FlushAsync(cancellationToken);
            }
            File.Move(temp, destination, overwrite: true);
        }
        catch
        {
            File.Delete(temp);
            throw;
        }
    }

    /// <summary>
    /// Fills a sibling temporary folder through <paramref name="fill"/>, then puts it in place of
    /// <paramref name="destination"/> (the old folder, if any, is moved aside and deleted). A reader
    /// sees the old folder or the new one, never a mix; on failure the old one stays.
    /// </summary>
    public static async Task<string> ReplaceDirectoryAsync(string destination, Func<string, Task> fill)
    {
        destination = Path.GetFullPath(destination).TrimEnd(Path.DirectorySeparatorChar);
        Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
        var temp = TempSibling(destination, "download");
        Directory.CreateDirectory(temp);
        try
        {
            await fill(temp);
        }
        catch
        {
            AtomicFile.TryDeleteDirectory(temp);
            throw;
        }
        string? old = null;
        if (Directory.Exists(destination))
        {
            old = TempSibling(destination, "old");
            Directory.Move(destination, old);
        }
        Directory.Move(temp, destination);
        if (old is not null) AtomicFile.TryDeleteDirectory(old);
        return destination;
    }
}
