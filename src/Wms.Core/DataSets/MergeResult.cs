using Wms.Core.DataQuality;

namespace Wms.Core.DataSets;

/// <summary>What happened (or would have) in a merge.</summary>
public enum MergeOutcome
{
    /// <summary>New files are in the data set.</summary>
    Merged,
    /// <summary>Every incoming file was already there, byte for byte.</summary>
    NothingToDo,
    /// <summary>Files with existing names and other content; nothing changed.</summary>
    Conflicts,
    /// <summary>The merged set failed validation; nothing changed.</summary>
    ValidationFailed,
}

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
