namespace Wms.Cli.Commands.Registry.Views;

/// <summary>One top-level artifact of a run.</summary>
public sealed record ArtifactView(string Path, bool IsDirectory, long? Size);
