namespace Wms.Core.Tracking.Liveness;

/// <summary>Whether a process of this machine still runs (swappable so the reconciler can be tested without killing anything).</summary>
public interface IProcessProbe
{
    /// <summary>True when process <paramref name="processId"/> exists and started at <paramref name="startedAt"/> (so a reused pid does not count).</summary>
    bool IsAlive(int processId, DateTimeOffset startedAt);
}
