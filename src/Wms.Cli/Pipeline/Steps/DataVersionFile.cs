namespace Wms.Cli.Pipeline.Steps;

/// <summary>One <c>.dvc</c> file, relative to the DVC repository.</summary>
public sealed record DataVersionFile(string Path, string Oid, int Files);
