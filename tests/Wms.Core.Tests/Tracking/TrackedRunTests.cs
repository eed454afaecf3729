using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Tracking;

public sealed class TrackedRunTests : IDisposable
{
    private readonly TempDirectory _temp = new("wms-tracked-run");
    private readonly SqliteTrackingStore _store;

    public TrackedRunTests() => _store = new SqliteTrackingStore(_temp.Combine(".wms"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    [Fact]
    public async Task A_completed_run_is_finished_with_its_metrics()
    {
        string runId;
        await using (var run = await TrackedRun.StartAsync(_store, "exp", "ok", cancellationToken: TestContext.Current.CancellationToken))
        {
            runId = run.RunId;
            await run.LogParamsAsync(new Dictionary<string, string> { ["epochs"] = "2" }, TestContext.Current.CancellationToken);
            for (var epoch = 0; epoch < 2; epoch++)
                await run.LogMetricsAsync(new Dictionary<string, double> { ["val_dice"] = 0.5 + epoch / 10.0, ["val_loss"] = 1 - epoch / 10.0 }, epoch, TestContext.Current.CancellationToken);
            await run.CompleteAsync();
        }
        var stored = await _store.GetRunAsync(runId, TestContext.Current.CancellationToken);
        Assert.Equal(RunStatus.Finished, stored.Info.Status);
        Assert.Equal(0.6, stored.GetMetric("val_dice"));
        Assert.Equal(2, (await _store.GetMetricHistoryAsync(runId, "val_loss", TestContext.Current.CancellationToken)).Count);
    }

    [Fact]
    public async Task A_run_that_stops_with_an_error_is_failed_and_a_cancelled_one_killed()
    {
        var failed = "";
        try
        {
            await using var run = await TrackedRun.StartAsync(_store, "exp", "crash", cancellationToken: TestContext.Current.CancellationToken);
            failed = run.RunId;
            throw new InvalidOperationException("out of memory");
        }
        catch (InvalidOperationException)
        {
        }
        using var cancel = new CancellationTokenSource();
        string killed;
        await using (var run = await TrackedRun.StartAsync(_store, "exp", "ctrl-c", cancellationToken: cancel.Token))
        {
            killed = run.RunId;
            await cancel.CancelAsync();
        }
        var runs = await _store.SearchRunsAsync((await _store.FindExperimentAsync("exp", TestContext.Current.CancellationToken))!.ExperimentId, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(RunStatus.Killed, runs.Single(r => r.Info.RunId == killed).Info.Status);
        Assert.Equal(RunStatus.Failed, runs.Single(r => r.Info.RunId == failed).Info.Status);
    }
}
