namespace Wms.Core.Tracking.Liveness;

/// <summary>
/// Ends runs left RUNNING by a <c>wms train</c> that died without ending them (SIGKILL, OOM killer,
/// power loss): as KILLED, with the tag <c>wms.end_reason</c> saying why. A run of this machine is
/// stale when its process (pid and start time) is gone; a run of another machine when its
/// heartbeat is older than <see cref="HeartbeatTimeout"/>. Runs without the owner tags (logged by
/// other tools) are never touched.
/// </summary>
public sealed class StaleRunReconciler(ITrackingStore store, TimeProvider time, IProcessProbe? probe = null)
{
    /// <summary>A training refreshes its heartbeat at least every minute while it runs; this leaves room for slow epochs and clock skew.</summary>
    public static readonly TimeSpan HeartbeatTimeout = TimeSpan.FromMinutes(30);

    private readonly IProcessProbe _probe = probe ?? new LocalProcessProbe();

    /// <summary>Checks the experiment's latest runs; returns the ids of the runs it ended.</summary>
    public async Task<IReadOnlyList<string>> ReconcileAsync(string experimentId, int maxRuns = 200, CancellationToken cancellationToken = default)
    {
        var ended = new List<string>();
        foreach (var run in await store.SearchRunsAsync(experimentId, maxRuns, cancellationToken))
        {
            if (run.Info.Status != RunStatus.Running || StaleReason(run) is null) continue;
            // Read again just before ending: the run may have ended on its own meanwhile.
            var current = await store.GetRunAsync(run.Info.RunId, cancellationToken);
            if (current.Info.Status != RunStatus.Running || StaleReason(current) is not { } reason) continue;
            await store.SetTagAsync(run.Info.RunId, RunOwner.EndReasonTag, reason, cancellationToken);
            await store.EndRunAsync(run.Info.RunId, RunStatus.Killed, cancellationToken);
            ended.Add(run.Info.RunId);
        }
        return ended;
    }

    /// <summary>Why the run is stale, or null when it may still be running.</summary>
    public string? StaleReason(Run run)
    {
        if (RunOwner.FromTags(run.Tags) is not { } owner) return null;
        if (string.Equals(owner.Host, Environment.MachineName, StringComparison.Ordinal))
        {
            return _probe.IsAlive(owner.ProcessId, owner.ProcessStart)
                ? null
                : $"process {owner.ProcessId} on {owner.Host} ended without ending the run (killed)";
        }
        var heartbeat = RunOwner.ParseStamp(run.Tags.GetValueOrDefault(RunOwner.HeartbeatTag)) ?? run.Info.StartTime;
        var silence = time.GetUtcNow() - heartbeat;
        return silence > HeartbeatTimeout
            ? $"no heartbeat from process {owner.ProcessId} on {owner.Host} for {silence.TotalMinutes:0} minutes"
            : null;
    }
}
