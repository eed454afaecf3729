namespace Wms.Core.Tracking;

/// <summary>Artifact paths: relative, '/'-separated, never escaping the run's artifact root.</summary>
internal static class ArtifactPaths
{
    /// <summary>"" for the root; otherwise "a/b/c" without leading, trailing or doubled '/'.</summary>
    public static string Normalize(string? path)
    {
        if (string.IsNullOrWhiteSpace(path) || path == ".") return "";
        if (path.StartsWith('/') || path.StartsWith('\\') || Path.IsPathRooted(path))
            throw new WmsException($"artifact path '{path}' must be relative to the run's artifact root");
        var segments = path.Replace('\\', '/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (segments.Any(s => s is ".." or "."))
            throw new WmsException($"artifact path '{path}' must not contain '.' or '..' segments");
        return string.Join('/', segments);
    }

    public static string Combine(string directory, string name) => directory.Length == 0 ? name : directory + "/" + name;

    /// <summary>The last segment ("c" for "a/b/c").</summary>
    public static string FileName(string path) => path[(path.LastIndexOf('/') + 1)..];

    /// <summary>Every file under <paramref name="localDirectory"/> with its '/'-separated path relative to it, in a stable order.</summary>
    public static IEnumerable<(string LocalFile, string RelativePath)> EnumerateFiles(string localDirectory) =>
        Directory.EnumerateFiles(localDirectory, "*", SearchOption.AllDirectories)
            .Select(f => (f, Path.GetRelativePath(localDirectory, f).Replace(Path.DirectorySeparatorChar, '/')))
            .OrderBy(t => t.Item2, StringComparer.Ordinal);

    /// <summary>Checks a local upload source exists; NotFound otherwise.</summary>
    public static void RequireLocalFile(string localFile)
    {
        if (!File.Exists(localFile))
            throw WmsException.NotFound($"artifact file not found: {localFile}");
    }

    /// <summary>Checks a local upload folder exists; NotFound otherwise.</summary>
    public static void RequireLocalDirectory(string localDirectory)
    {
        if (!Directory.Exists(localDirectory))
            throw WmsException.NotFound($"artifact folder not found: {localDirectory}");
    }
}
