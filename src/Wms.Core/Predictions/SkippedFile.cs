namespace Wms.Core.Predictions;

/// <summary>A file or folder found in an input folder and not predicted, with the reason.</summary>
public sealed record SkippedFile(string File, string Reason);
