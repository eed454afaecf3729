namespace Wms.Core.Infra;

/// <summary>A lease as reported: who, until when, and whether it still counts.</summary>
public sealed record LeaseView(string Id, DateTimeOffset ExpiresAt, bool Live);

/// <summary>What `wms infra status` reports.</summary>
public sealed record InfraStatus(string InstanceId, InstanceState State, IReadOnlyList<LeaseView> Leases);

/// <summary>What `wms infra start` did: the lease taken and the state the instance reached.</summary>
public sealed record StartResult(
    string InstanceId,
    InstanceState State,
    Lease Lease,
    bool StartIssued,
    IReadOnlyList<Lease> OtherLiveLeases,
    IReadOnlyList<string> ExpiredLeasesRemoved);

/// <summary>How a stop ended.</summary>
public enum StopOutcome
{
    /// <summary>Stopped (or it already was, or it is terminated).</summary>
    Stopped,
    /// <summary>Stop requested, not waited for (--no-wait).</summary>
    Stopping,
    /// <summary>Other live leases remain, so the instance keeps running.</summary>
    KeptForLeases,
    /// <summary>A lease was taken while stopping; the instance was started again for its holder.</summary>
    RestartedForLease,
}

/// <summary>What `wms infra stop` did and why.</summary>
public sealed record StopResult(
    string InstanceId,
    InstanceState State,
    StopOutcome Outcome,
    string Reason,
    bool LeaseReleased,
    IReadOnlyList<Lease> LiveLeases,
    IReadOnlyList<string> ExpiredLeasesRemoved);
