using Wms.Core.Imaging;

namespace Wms.Core.Predictions;

/// <summary>Turns the paths a user named (photos and folders) into the photos of one batch.</summary>
public static class PhotoInputs
{
    /// <summary>
    /// A named file is a photo whatever its extension (the decoder decides). A named folder
    /// contributes its JPEG and PNG files (not its subfolders); everything else in it is listed in
    /// <see cref="PhotoSelection.Skipped"/>, as are earlier outputs of <c>wms predict</c> when the
    /// output folder is also an input. A path that does not exist is NotFound. Photos named twice
    /// are predicted once.
    /// </summary>
    public static PhotoSelection Collect(IEnumerable<string> paths, Workspace workspace, string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory);
        var files = new List<(string Path, string Name)>();
        var skipped = new List<SkippedFile>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in paths)
        {
            var full = workspace.Resolve(path);
            if (File.Exists(full))
            {
                if (seen.Add(full)) files.Add((full, Display(full, workspace)));
            }
            else if (Directory.Exists(full))
            {
                foreach (var entry in Directory.EnumerateFileSystemEntries(full).Order(StringComparer.Ordinal))
                {
                    var reason = SkipReason(entry, output);
                    if (reason is not null) skipped.Add(new SkippedFile(Display(entry, workspace), reason));
                    else if (seen.Add(entry)) files.Add((entry, Display(entry, workspace)));
                }
            }
            else
            {
                throw WmsException.NotFound($"{path}: no such photo or folder");
            }
        }
        var stems = OutputNames.Assign(files.Select(f => f.Path).ToList());
        return new PhotoSelection(files.Select((f, i) => new InputPhoto(f.Path, f.Name, stems[i])).ToList(), skipped);
    }

    private static string? SkipReason(string entry, string outputDirectory)
    {
        if (Directory.Exists(entry)) return "a folder (folders inside an input folder are not searched; name it to include it)";
        if (!ImageFiles.IsSupported(entry)) return $"not a photo (only {string.Join(", ", ImageFiles.Extensions)} files are predicted)";
        var name = Path.GetFileName(entry);
        var isOutput = string.Equals(Path.GetDirectoryName(entry), outputDirectory, StringComparison.Ordinal)
                       && (name.StartsWith(OutputNames.MaskPrefix, StringComparison.Ordinal) || name.StartsWith(OutputNames.OverlayPrefix, StringComparison.Ordinal));
        return isOutput ? "an output of wms predict (the output folder is also an input)" : null;
    }

    private static string Display(string full, Workspace workspace)
    {
        var relative = Path.GetRelativePath(workspace.Root, full);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? full : relative;
    }
}
