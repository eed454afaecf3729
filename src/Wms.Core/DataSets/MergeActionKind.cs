namespace Wms.Core.DataSets;

/// <summary>What a merge does with one incoming file.</summary>
public enum MergeActionKind
{
    /// <summary>A new name: copied in.</summary>
    Add,
    /// <summary>The same name and the same bytes: nothing to do.</summary>
    Identical,
    /// <summary>The same stem with other bytes or another extension: a conflict, or a replacement with --replace.</summary>
    Conflict,
}
