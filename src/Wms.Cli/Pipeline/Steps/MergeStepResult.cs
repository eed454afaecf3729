namespace Wms.Cli.Pipeline.Steps;

/// <summary>The merge: pairs before, pairs that came in, pairs after (files identical to existing ones were skipped).</summary>
public sealed record MergeStepResult(string Outcome, int ExistingPairs, int NewPairs, int TotalPairs, int FilesAdded, int FilesIdentical);
