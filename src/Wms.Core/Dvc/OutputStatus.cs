namespace Wms.Core.Dvc;

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
