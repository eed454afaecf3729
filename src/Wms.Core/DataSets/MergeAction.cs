using Wms.Core.DataQuality;

namespace Wms.Core.DataSets;

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
