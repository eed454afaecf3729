namespace Wms.Training.Runs;

/// <summary>
/// The files of a run folder. A run writes into <c>&lt;out&gt;.partial</c> and renames it to
/// <c>&lt;out&gt;</c> only once everything is written (<c>metrics.json</c> last), so a folder under
/// the final name is always a finished run; a cancelled or crashed run stays <c>.partial</c>.
/// </summary>
public static class RunFolder
{
    public const string MetricsFileName = "metrics.json";
    public const string LogFileName = "train.log";
    public const string ConfigFileName = "config.yaml";
    public const string PartialSuffix = ".partial";

    /// <summary>The default <c>--out</c>: <c>runs/&lt;UTC timestamp&gt;</c>.</summary>
    public static string DefaultName(DateTimeOffset now) => Path.Combine("runs", now.UtcDateTime.ToString("yyyyMMdd-HHmmss", System.Globalization.CultureInfo.InvariantCulture));

    public static string PartialOf(string outputDirectory) => Path.TrimEndingDirectorySeparator(outputDirectory) + PartialSuffix;
}
