using Wms.Core.DataQuality;

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

/// <summary>
/// One incoming file and its fate. <see cref="Existing"/> is the data-set file it collides with
/// (same name, or same stem under another extension, which would pair ambiguously).
/// </summary>
public sealed record MergeAction(MergeActionKind Kind, DataFile Incoming, string Target, DataFile? Existing)
{
    public string Describe() => Existing is null
        ? Incoming.Name
        : Existing.Name == Incoming.Name
            ? $"{Incoming.Name}: differs from the file already in the data set"
            : $"{Incoming.Name}: would pair ambiguously with {Existing.Name} already in the data set";
}
