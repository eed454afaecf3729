using Wms.Core;

namespace Wms.Cli.Output;

/// <summary>
/// Checks of where a command will write, made before its long work (training, evaluation), so a
/// file in the way is found in a second, not after an hour.
/// </summary>
internal static class OutputPaths
{
    /// <summary>A folder the command will create or write into: a file there is a conflict.</summary>
    public static void CheckFolder(string path, string option, string what)
    {
        if (File.Exists(path)) throw new WmsException($"{option} {path}: a file, not a folder for {what}", WmsErrorKind.Conflict);
    }

    /// <summary>A file the command will write: a folder there, or a file where its folder goes, is a conflict.</summary>
    public static void CheckFile(string path, string option, string what)
    {
        if (Directory.Exists(path)) throw new WmsException($"{option} {path}: a folder, not a file for {what}", WmsErrorKind.Conflict);
        if (Path.GetDirectoryName(path) is { } parent && File.Exists(parent))
            throw new WmsException($"{option} {path}: {parent} is a file, not a folder", WmsErrorKind.Conflict);
    }
}
