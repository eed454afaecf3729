namespace Wms.Core.Dvc;

/// <summary>
/// One entry of a <c>.dvc</c> file's <c>outs</c>: what was tracked, by which hash.
/// <see cref="Extras"/> keeps any other scalar keys (<c>cache</c>, <c>remote</c>, <c>desc</c>, ...)
/// in file order, values as YAML text, so a rewrite does not drop them.
/// </summary>
public sealed record DvcOut(
    string Path,
    string? Oid,
    long? Size,
    int? NFiles,
    DvcHashName HashName,
    bool IsExec = false,
    IReadOnlyList<KeyValuePair<string, string>>? Extras = null)
{
    /// <summary>True when the output is a directory (its id ends in <c>.dir</c>).</summary>
    public bool IsDirectory => Oid is not null && DvcOid.IsDir(Oid);

    public IReadOnlyList<KeyValuePair<string, string>> ExtraKeys => Extras ?? [];
}
