namespace Wms.Core.Infra;

/// <summary>
/// The shared training machine under leases. A pipeline run takes a lease before it starts the
/// instance and releases it when done; the instance stops only when no other live lease remains,
/// so one run never stops the machine under another (the original's race). Leases that outlive
/// their TTL (a run killed before its cleanup) are removed by whoever looks next.
/// </summary>
/// <remarks>
/// EC2 tags have no compare-and-swap, so the order of operations does the work: start writes its
/// lease before it reads the state, and stop reads the leases again after asking EC2 to stop. Either
/// the stopper sees the new lease (and starts the instance again if it already asked to stop), or
/// the starter sees "stopping"/"stopped" and starts it itself. Both end with the instance running
/// for the lease holder.
/// </remarks>
public sealed class SharedInstance
{
    private readonly IInstanceStore _store;
    private readonly TimeProvider _time;
    private readonly InfraOptions _options;
    private readonly IProgress<string>? _progress;

    public SharedInstance(IInstanceStore store, TimeProvider time, InfraOptions options, IProgress<string>? progress = null)
    {
        // A zero poll interval would spin against the EC2 API until the timeout.
        if (options.PollInterval < TimeSpan.FromSeconds(1))
            throw new WmsException($"Infra:PollInterval {options.PollInterval} must be at least 1 second");
        if (options.Timeout <= TimeSpan.Zero)
            throw new WmsException($"Infra:Timeout {options.Timeout} must be positive");
        _store = store;
        _time = time;
        _options = options;
        _progress = progress;
    }

    /// <summary>Longer than any CI job may run; a longer lease is a typo.</summary>
    public static readonly TimeSpan MaxTtl = TimeSpan.FromDays(7);

    public async Task<InfraStatus> StatusAsync(CancellationToken cancellationToken)
    {
        var snapshot = await _store.DescribeAsync(cancellationToken);
        var now = _time.GetUtcNow();
        var leases = LeaseTags.Read(snapshot.Tags).Select(l => new LeaseView(l.Id, l.ExpiresAt, l.IsLive(now))).ToList();
        return new InfraStatus(snapshot.InstanceId, snapshot.State, leases);
    }

    /// <summary>Takes (or renews) lease <paramref name="leaseId"/> and brings the instance up.</summary>
    /// <param name="wait">Wait until it is running; when false, return once the start was asked for.</param>
    public async Task<StartResult> StartAsync(string leaseId, TimeSpan ttl, bool wait, CancellationToken cancellationToken)
    {
        if (ttl < TimeSpan.FromSeconds(1) || ttl > MaxTtl)
            throw new WmsException($"--ttl {ttl} must be between 1 second and {MaxTtl.TotalDays:0} days");
        var key = LeaseTags.KeyFor(leaseId);
        var lease = new Lease(leaseId, _time.GetUtcNow() + ttl);

        // The lease goes up before the state is read: see the remarks on the class.
        await _store.SetTagAsync(key, LeaseTags.FormatExpiry(lease.ExpiresAt), cancellationToken);
        _progress?.Report($"lease {leaseId} held until {LeaseTags.FormatExpiry(lease.ExpiresAt)}");

        var (snapshot, removed) = await RemoveExpiredAsync(await _store.DescribeAsync(cancellationToken), cancellationToken);
        var (final, startIssued) = await EnsureRunningAsync(snapshot, wait, Deadline(), cancellationToken);
        var others = LiveLeases(final).Where(l => l.Id != leaseId).ToList();
        return new StartResult(final.InstanceId, final.State, lease, startIssued, others, removed);
    }

    /// <summary>
    /// Releases <paramref name="leaseId"/> (when given) and stops the instance if no other live
    /// lease remains. Without a lease id this is an idle check: stop only if nobody holds it.
    /// </summary>
    /// <param name="force">Stop even under live leases, and drop them.</param>
    /// <param name="wait">Wait until it is stopped; when false, return once the stop was asked for.</param>
    public async Task<StopResult> StopAsync(string? leaseId, bool force, bool wait, CancellationToken cancellationToken)
    {
        var released = false;
        if (leaseId is not null)
        {
            var key = LeaseTags.KeyFor(leaseId);
            released = (await _store.DescribeAsync(cancellationToken)).Tags.ContainsKey(key);
            await _store.DeleteTagAsync(key, cancellationToken);
            _progress?.Report(released ? $"lease {leaseId} released" : $"lease {leaseId} was not held (expired, or never taken)");
        }

        var deadline = Deadline();
        var stopIssued = false;
        var dropped = false;
        var allRemoved = new List<string>();
        var snapshot = await _store.DescribeAsync(cancellationToken);
        while (true)
        {
            (snapshot, var removed) = await RemoveExpiredAsync(snapshot, cancellationToken);
            allRemoved.AddRange(removed);
            var live = LiveLeases(snapshot);
            if (live.Count > 0 && force && !dropped)
            {
                dropped = true;
                foreach (var lease in live)
                    await _store.DeleteTagAsync(LeaseTags.Prefix + lease.Id, cancellationToken);
                _progress?.Report($"--force: dropped live leases {Names(live)}");
                snapshot = await _store.DescribeAsync(cancellationToken);
                continue;
            }
            if (live.Count > 0 && !force)
            {
                if (!stopIssued)
                    return Result(snapshot, StopOutcome.KeptForLeases, $"kept running: live leases {Names(live)}", released, live, allRemoved);
                // Taken while we were stopping: its holder may already believe the machine is up.
                _progress?.Report($"lease {Names(live)} was taken while stopping: starting the instance again");
                var (running, _) = await EnsureRunningAsync(snapshot, wait, deadline, cancellationToken);
                return Result(running, StopOutcome.RestartedForLease, $"started again for lease {Names(live)}", released, live, allRemoved);
            }

            switch (snapshot.State)
            {
                case InstanceState.Stopped or InstanceState.Terminated or InstanceState.ShuttingDown:
                    var why = stopIssued ? "stopped: no live lease remains" : $"already {snapshot.State.ToEc2Name()}";
                    return Result(snapshot, StopOutcome.Stopped, why, released, [], allRemoved);
                case InstanceState.Running:
                    if (await TryAsync(_store.StopAsync, cancellationToken))
                    {
                        stopIssued = true;
                        _progress?.Report($"stopping {snapshot.InstanceId}");
                    }
                    // Read again at once: a lease taken meanwhile must be seen (class remarks).
                    snapshot = await _store.DescribeAsync(cancellationToken);
                    continue;
                case InstanceState.Stopping when !wait:
                    return Result(snapshot, StopOutcome.Stopping, "stop requested (not waited for)", released, [], allRemoved);
            }
            // Pending (EC2 cannot stop it yet) or stopping: read again after a while.
            snapshot = await PollAsync(snapshot, "stopped", deadline, cancellationToken);
        }
    }

    private async Task<(InstanceSnapshot Snapshot, bool StartIssued)> EnsureRunningAsync(
        InstanceSnapshot snapshot, bool wait, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        var startIssued = false;
        while (true)
        {
            switch (snapshot.State)
            {
                case InstanceState.Running:
                    return (snapshot, startIssued);
                case InstanceState.ShuttingDown or InstanceState.Terminated:
                    throw WmsException.NotFound($"instance {snapshot.InstanceId} is {snapshot.State.ToEc2Name()}: it cannot be started");
                case InstanceState.Stopped:
                    if (await TryAsync(_store.StartAsync, cancellationToken))
                    {
                        startIssued = true;
                        _progress?.Report($"starting {snapshot.InstanceId}");
                    }
                    if (!wait)
                        return (await _store.DescribeAsync(cancellationToken), startIssued);
                    break;
                case InstanceState.Pending when !wait:
                    return (snapshot, startIssued);
            }
            // Stopping must finish before EC2 accepts a start, with or without --no-wait.
            snapshot = await PollAsync(snapshot, "running", deadline, cancellationToken);
        }
    }

    private async Task<InstanceSnapshot> PollAsync(InstanceSnapshot snapshot, string goal, DateTimeOffset deadline, CancellationToken cancellationToken)
    {
        if (_time.GetUtcNow() >= deadline)
            throw new WmsException(
                $"instance {snapshot.InstanceId} is still {snapshot.State.ToEc2Name()} after {_options.Timeout} (waiting for {goal}); raise --timeout or check the EC2 console",
                WmsErrorKind.DependencyUnavailable);
        _progress?.Report($"{snapshot.InstanceId} is {snapshot.State.ToEc2Name()}, waiting for {goal}");
        await Task.Delay(_options.PollInterval, _time, cancellationToken);
        return await _store.DescribeAsync(cancellationToken);
    }

    /// <summary>Runs a start or stop; false when the state changed under us (another run acted first).</summary>
    private static async Task<bool> TryAsync(Func<CancellationToken, Task> action, CancellationToken cancellationToken)
    {
        try
        {
            await action(cancellationToken);
            return true;
        }
        catch (WmsException e) when (e.Kind == WmsErrorKind.Conflict)
        {
            return false;
        }
    }

    private async Task<(InstanceSnapshot, List<string>)> RemoveExpiredAsync(InstanceSnapshot snapshot, CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        var expired = LeaseTags.Read(snapshot.Tags).Where(l => !l.IsLive(now)).Select(l => l.Id).ToList();
        if (expired.Count == 0) return (snapshot, expired);
        foreach (var id in expired)
            await _store.DeleteTagAsync(LeaseTags.Prefix + id, cancellationToken);
        _progress?.Report($"removed expired leases {string.Join(", ", expired)}");
        return (await _store.DescribeAsync(cancellationToken), expired);
    }

    private List<Lease> LiveLeases(InstanceSnapshot snapshot)
    {
        var now = _time.GetUtcNow();
        return [.. LeaseTags.Read(snapshot.Tags).Where(l => l.IsLive(now))];
    }

    private DateTimeOffset Deadline() => _time.GetUtcNow() + _options.Timeout;

    private static string Names(IEnumerable<Lease> leases) =>
        string.Join(", ", leases.Select(l => $"{l.Id} (until {LeaseTags.FormatExpiry(l.ExpiresAt)})"));

    private static StopResult Result(InstanceSnapshot s, StopOutcome outcome, string reason, bool released, IReadOnlyList<Lease> live, List<string> removed) =>
        new(s.InstanceId, s.State, outcome, reason, released, live, removed);
}
