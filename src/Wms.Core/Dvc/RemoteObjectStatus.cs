namespace Wms.Core.Dvc;

/// <summary>
/// Recorded objects compared with a remote, in DVC's words: <see cref="New"/> = in the cache,
/// not on the remote (push them); <see cref="Deleted"/> = on the remote, not in the cache (pull
/// them); <see cref="Missing"/> = in neither (lost unless someone else has them).
/// </summary>
public sealed record RemoteObjectStatus(string Remote, int InSync, int New, int Deleted, int Missing);
