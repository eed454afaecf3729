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
