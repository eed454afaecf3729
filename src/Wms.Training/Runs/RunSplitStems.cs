namespace Wms.Training.Runs;

/// <summary>The stems of each split, sorted.</summary>
public sealed record RunSplitStems(IReadOnlyList<string> Train, IReadOnlyList<string> Val, IReadOnlyList<string> Test);
