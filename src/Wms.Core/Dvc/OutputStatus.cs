namespace Wms.Core.Dvc;

/// <summary>Workspace state of an output against its <c>.dvc</c> record.</summary>
public enum WorkspaceState
{
    /// <summary>The workspace matches the record.</summary>
    Unchanged,
    /// <summary>Files were added, changed or removed since the record (run <c>wms data add</c> to record them).</summary>
    Modified,
    /// <summary>The tracked path is not in the workspace (run <c>wms data pull</c>).</summary>
    Deleted,
    /// <summary>The <c>.dvc</c> file records no hash yet.</summary>
    NotCommitted,
}

/// <summary>
/// Recorded objects compared with a remote, in DVC's words: <see cref="New"/> = in the cache,
/// not on the remote (push them); <see cref="Deleted"/> = on the remote, not in the cache (pull
/// them); <see cref="Missing"/> = in neither (lost unless someone else has them).
/// </summary>
public sealed record RemoteObjectStatus(string Remote, int InSync, int New, int Deleted, int Missing);

/// <summary>The status of one output: workspace, cache and (when asked) remote.</summary>
public sealed record OutputStatus(
    string DvcFile,
    string Path,
    WorkspaceState Workspace,
    WorkspaceDiff? Changes,
    int Objects,
    int MissingFromCache,
    bool ManifestKnown,
    RemoteObjectStatus? Remote);
