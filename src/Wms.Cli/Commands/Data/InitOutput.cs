namespace Wms.Cli.Commands.Data;

/// <summary>`wms data init` result.</summary>
internal sealed record InitOutput(string Root, bool Created, string? Remote);
