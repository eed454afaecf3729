using Wms.Core;
using Wms.Core.Infra;

namespace Wms.Core.Tests.Infra;

/// <summary>
/// An EC2 instance in memory, behaving as EC2 does where the lease logic depends on it: start and
/// stop only begin a transition (pending, stopping) that ends after a delay on the given clock;
/// starting while stopping (or stopping while pending) is refused as IncorrectInstanceState;
/// starting a running instance or stopping a stopped one is a no-op.
/// </summary>
public sealed class InMemoryInstanceStore(TimeProvider time, InstanceState initial = InstanceState.Stopped) : IInstanceStore, IInstanceStoreFactory
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);
    private InstanceState _state = initial;
    private DateTimeOffset _transitionEndsAt;

    public string InstanceId { get; init; } = "i-0123456789abcdef0";
    public TimeSpan PendingDuration { get; init; } = TimeSpan.FromSeconds(40);
    public TimeSpan StoppingDuration { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When true, pending and stopping never end (a stuck instance).</summary>
    public bool Stuck { get; set; }

    /// <summary>Runs before each start or stop, to let a test act "at the same time" as the caller.</summary>
    public Func<string, Task>? BeforeOperation { get; set; }

    public int StartCalls { get; private set; }
    public int StopCalls { get; private set; }

    /// <summary>The options the CLI opened the store with (to check option precedence).</summary>
    public InfraOptions? OpenedWith { get; private set; }

    public InstanceState State
    {
        get { lock (_gate) return Current(); }
        set
        {
            lock (_gate)
                Begin(value, value == InstanceState.Pending ? PendingDuration : StoppingDuration);
        }
    }

    public IReadOnlyDictionary<string, string> Tags
    {
        get { lock (_gate) return new Dictionary<string, string>(_tags); }
    }

    public Task<IInstanceStore> OpenAsync(InfraOptions options, CancellationToken cancellationToken)
    {
        OpenedWith = options;
        return Task.FromResult<IInstanceStore>(this);
    }

    public Task<InstanceSnapshot> DescribeAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
            return Task.FromResult(new InstanceSnapshot(InstanceId, Current(), new Dictionary<string, string>(_tags)));
    }

    public Task SetTagAsync(string key, string value, CancellationToken cancellationToken)
    {
        lock (_gate) _tags[key] = value;
        return Task.CompletedTask;
    }

    public Task DeleteTagAsync(string key, CancellationToken cancellationToken)
    {
        lock (_gate) _tags.Remove(key);
        return Task.CompletedTask;
    }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (BeforeOperation is { } hook) await hook("start");
        lock (_gate)
        {
            StartCalls++;
            switch (Current())
            {
                case InstanceState.Stopped:
                    Begin(InstanceState.Pending, PendingDuration);
                    break;
                case InstanceState.Stopping or InstanceState.ShuttingDown or InstanceState.Terminated:
                    throw new WmsException($"IncorrectInstanceState: cannot start {InstanceId} while {_state.ToEc2Name()}", WmsErrorKind.Conflict);
            }
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (BeforeOperation is { } hook) await hook("stop");
        lock (_gate)
        {
            StopCalls++;
            switch (Current())
            {
                case InstanceState.Running:
                    Begin(InstanceState.Stopping, StoppingDuration);
                    break;
                case InstanceState.Pending or InstanceState.ShuttingDown or InstanceState.Terminated:
                    throw new WmsException($"IncorrectInstanceState: cannot stop {InstanceId} while {_state.ToEc2Name()}", WmsErrorKind.Conflict);
            }
        }
    }

    private void Begin(InstanceState state, TimeSpan duration)
    {
        _state = state;
        _transitionEndsAt = time.GetUtcNow() + duration;
    }

    private InstanceState Current()
    {
        if (!Stuck && time.GetUtcNow() >= _transitionEndsAt)
            _state = _state switch
            {
                InstanceState.Pending => InstanceState.Running,
                InstanceState.Stopping => InstanceState.Stopped,
                var s => s,
            };
        return _state;
    }
}
