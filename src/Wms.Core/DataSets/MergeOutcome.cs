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
