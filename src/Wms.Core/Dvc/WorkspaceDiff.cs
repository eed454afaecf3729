namespace Wms.Core.Dvc;

/// <summary>How a tracked directory in the workspace differs from its recorded manifest (relative paths, sorted).</summary>
public sealed record WorkspaceDiff(IReadOnlyList<string> New, IReadOnlyList<string> Modified, IReadOnlyList<string> Deleted)
{
    public bool IsClean => New.Count == 0 && Modified.Count == 0 && Deleted.Count == 0;

    public static WorkspaceDiff Compare(DirManifest recorded, HashedTree? current)
    {
        var before = recorded.Entries.ToDictionary(e => e.RelPath, e => e.Md5, StringComparer.Ordinal);
        var now = current?.Files.ToDictionary(f => f.RelPath, f => f.Md5, StringComparer.Ordinal) ?? [];
        return new WorkspaceDiff(
            now.Keys.Where(k => !before.ContainsKey(k)).Order(StringComparer.Ordinal).ToList(),
            now.Where(kv => before.TryGetValue(kv.Key, out var md5) && md5 != kv.Value).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList(),
            before.Keys.Where(k => !now.ContainsKey(k)).Order(StringComparer.Ordinal).ToList());
    }
}
