namespace Wms.Core.Tracking;

/// <summary>
/// A run being logged, that always ends: <see cref="CompleteAsync"/> marks it FINISHED; disposing it
/// without completing marks it KILLED when the token it was started with was cancelled (Ctrl+C),
/// FAILED otherwise (an exception). So a training that stops never leaves a run RUNNING.
/// <code>
/// await using var run = await TrackedRun.StartAsync(store, "water-meter-segmentation", "nightly", cancellationToken: ct);
/// await run.LogParamsAsync(parameters);
/// await run.LogMetricsAsync(new Dictionary&lt;string, double&gt; { ["val_dice"] = 0.8 }, step: epoch);
/// await run.CompleteAsync();
/// </code>
/// </summary>
public sealed class TrackedRun : IAsyncDisposable
{
    private readonly ITrackingStore _store;
    private readonly TimeProvider _time;
    private readonly CancellationToken _cancellation;
    private bool _ended;

    private TrackedRun(ITrackingStore store, RunInfo info, TimeProvider time, CancellationToken cancellation)
    {
        _store = store;
        Info = info;
        _time = time;
        _cancellation = cancellation;
    }

    /// <summary>The run as created.</summary>
    public RunInfo Info { get; }

    /// <summary>The run id.</summary>
    public string RunId => Info.RunId;

    /// <summary>Creates the experiment if needed and starts a run in it.</summary>
    public static async Task<TrackedRun> StartAsync(ITrackingStore store, string experimentName, string? runName = null,
        IReadOnlyDictionary<string, string>? tags = null, TimeProvider? time = null, CancellationToken cancellationToken = default)
    {
        var experiment = await store.GetOrCreateExperimentAsync(experimentName, cancellationToken);
        var info = await store.CreateRunAsync(experiment.ExperimentId, runName, tags, cancellationToken);
        return new TrackedRun(store, info, time ?? TimeProvider.System, cancellationToken);
    }

    /// <summary>Logs several metrics at one step (an epoch), timestamped now, in one batch.</summary>
    public Task LogMetricsAsync(IReadOnlyDictionary<string, double> values, long step, CancellationToken cancellationToken = default)
    {
        var now = _time.GetUtcNow();
        return _store.LogBatchAsync(RunId, values.Select(v => new Metric(v.Key, v.Value, step, now)).ToList(), cancellationToken: cancellationToken);
    }

    /// <summary>Logs params (immutable once logged).</summary>
    public Task LogParamsAsync(IReadOnlyDictionary<string, string> parameters, CancellationToken cancellationToken = default) =>
        _store.LogBatchAsync(RunId, parameters: parameters, cancellationToken: cancellationToken);

    /// <summary>Ends the run as FINISHED.</summary>
    public Task CompleteAsync() => EndAsync(RunStatus.Finished);

    /// <summary>Ends the run with <paramref name="status"/>; later calls do nothing.</summary>
    public async Task EndAsync(RunStatus status)
    {
        if (_ended) return;
        // Never cancelled: this is what must still happen after a cancellation.
        await _store.EndRunAsync(RunId, status, CancellationToken.None);
        _ended = true;
    }

    /// <summary>Ends a run that was not completed as KILLED (cancelled) or FAILED.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_ended) return;
        try
        {
            await EndAsync(_cancellation.IsCancellationRequested ? RunStatus.Killed : RunStatus.Failed);
        }
        catch (WmsException)
        {
            // The store is unreachable; the original failure matters more than this one.
        }
    }
}
