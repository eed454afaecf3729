namespace Wms.Cli.Commands.Data;

/// <summary>The <c>Data</c> section of wms.json (or <c>Data__Folders__0</c>... in the environment).</summary>
public sealed class DataOptions
{
    public const string Section = "Data";

    /// <summary>Folders whose changes go through the data pipeline (the pre-push hook watches them).</summary>
    public List<string> Folders { get; set; } = [];

    /// <summary>Parallel transfers for push, pull and status (DVC's <c>--jobs</c>).</summary>
    public int Jobs { get; set; } = 8;

    /// <summary>The folders, or <c>data/</c> when none are configured.</summary>
    public IReadOnlyList<string> EffectiveFolders => Folders.Count > 0 ? Folders : ["data/"];
}
