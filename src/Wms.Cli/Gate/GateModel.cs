namespace Wms.Cli.Gate;

/// <summary>The candidate or the baseline: which model it is and its numbers.</summary>
/// <param name="RunId">The training run (null for a baseline registered from elsewhere).</param>
/// <param name="Version">The registry version (null for the candidate, which is not registered yet).</param>
/// <param name="ImageSize">The input size the model ran at when re-evaluated.</param>
public sealed record GateModel(string? RunId, int? Version, int? ImageSize, GateScores Scores);
