namespace Wms.Cli.Commands.Hooks;

/// <summary>The <c>Hooks</c> section of wms.json.</summary>
public sealed class HooksOptions
{
    public const string Section = "Hooks";

    /// <summary>The branch data may not be pushed to directly.</summary>
    public string Branch { get; set; } = "main";
}
