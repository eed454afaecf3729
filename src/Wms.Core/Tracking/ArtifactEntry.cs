namespace Wms.Core.Tracking;

/// <summary>One file or folder among a run's artifacts.</summary>
/// <param name="Path">Relative to the run's artifact root, '/'-separated (e.g. <c>model/MLmodel</c>).</param>
/// <param name="IsDirectory">True for a folder.</param>
/// <param name="Size">File size in bytes; null for folders.</param>
public sealed record ArtifactEntry(string Path, bool IsDirectory, long? Size);
