namespace Wms.Training.Runs;

/// <summary>The run folder's other files, relative to it (null when not written).</summary>
public sealed record RunFiles(string? WeightsPth, string? WeightsNative, string Log, string Config, IReadOnlyList<string> Plots);
