using Wms.Core.DataQuality;

namespace Wms.Core.DataSets;

/// <summary>
/// Counts are pairs (a photo and its mask) except the file counts. <see cref="Report"/> is the
/// merged set's validation (null when nothing was to merge or conflicts stopped it first).
/// </summary>
public sealed record MergeResult(
    MergeOutcome Outcome,
    int ExistingPairs,
    int NewPairs,
    int ReplacedPairs,
    int TotalPairs,
    int FilesAdded,
    int FilesReplaced,
    int FilesIdentical,
    IReadOnlyList<string> Conflicts,
    DataQualityReport? Report);
