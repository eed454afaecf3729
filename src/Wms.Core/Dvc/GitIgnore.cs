namespace Wms.Core.Dvc;

/// <summary>Adds lines to a folder's <c>.gitignore</c>, as <c>dvc add</c> does for what it tracks.</summary>
public static class GitIgnore
{
    /// <summary>Appends <paramref name="entry"/> (e.g. <c>/images</c>) to <paramref name="directory"/>/.gitignore unless present.</summary>
    public static void AddEntry(string directory, string entry)
    {
        var path = Path.Combine(directory, ".gitignore");
        var text = File.Exists(path) ? File.ReadAllText(path) : "";
        if (text.Split('\n').Any(line => line.TrimEnd('\r') == entry)) return;
        var separator = text.Length == 0 || text.EndsWith('\n') ? "" : "\n";
        AtomicFile.WriteAllText(path, text + separator + entry + "\n");
    }
}
