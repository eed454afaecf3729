using Wms.Core;

namespace Wms.Training.Demo;

/// <summary>
/// The demo's output folder. It carries a marker file from the start, so that <c>--force</c>
/// replaces only a folder an earlier demo made, never someone's other files.
/// </summary>
public static class DemoFolder
{
    public const string MarkerFileName = ".wms-demo";
    public const string SummaryFileName = "demo.json";
    public const string DataFolder = "data";
    public const string RunFolder = "run";
    public const string ModelFolder = "model";
    public const string PredictionsFolder = "predictions";

    /// <summary>Creates an empty demo folder at <paramref name="directory"/>, replacing an earlier demo's when allowed.</summary>
    public static void Prepare(string directory, bool replace)
    {
        if (File.Exists(directory))
            throw new WmsException($"{directory}: is a file; choose another --out", WmsErrorKind.Conflict);
        if (Directory.Exists(directory) && Directory.EnumerateFileSystemEntries(directory).Any())
        {
            if (!replace)
                throw new WmsException($"{directory}: already exists; use --force to replace it, or choose another --out", WmsErrorKind.Conflict);
            if (!File.Exists(Path.Combine(directory, MarkerFileName)))
                throw new WmsException($"{directory}: not a folder made by wms demo (no {MarkerFileName}); not replacing it, choose another --out", WmsErrorKind.Conflict);
            Directory.Delete(directory, recursive: true);
        }
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, MarkerFileName), "Made by wms demo; wms demo --force may replace this folder.\n");
    }
}
