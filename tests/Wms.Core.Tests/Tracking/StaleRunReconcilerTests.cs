using System.Diagnostics;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Wms.Core.Tracking.Liveness;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Tracking;

/// <summary>Runs left RUNNING by processes that are gone, with real processes (a `sleep` killed outright).</summary>
public sealed class StaleRunReconcilerTests : IDisposable
{
    private readonly TempDirectory _temp = new("wms-reconcile");
    private readonly SqliteTrackingStore _store;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public StaleRunReconcilerTests() => _store = new SqliteTrackingStore(_temp.Combine(".wms"));

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private async Task<(string ExperimentId, string RunId)> RunOwnedByAsync(RunOwner? owner, DateTimeOffset heartbeat)
    {
        var experiment = await _store.GetOrCreateExperimentAsync("water-meter-segmentation", Ct);
        var run = await _store.CreateRunAsync(experiment.ExperimentId, "training", owner?.Tags(heartbeat), Ct);
        return (experiment.ExperimentId, run.RunId);
    }

    [Fact]
    public async Task A_run_whose_process_was_killed_ends_KILLED_and_one_whose_process_lives_stays_RUNNING()
    {
        using var sleeper = Process.Start(new ProcessStartInfo("sleep", "60") { UseShellExecute = false })!;
        var owner = new RunOwner(sleeper.Id, Environment.MachineName, sleeper.StartTime.ToUniversalTime());
        var (experiment, runId) = await RunOwnedByAsync(owner, DateTimeOffset.UtcNow);
        var reconciler = new StaleRunReconciler(_store, TimeProvider.System);

        Assert.Empty(await reconciler.ReconcileAsync(experiment, cancellationToken: Ct));
        Assert.Equal(RunStatus.Running, (await _store.GetRunAsync(runId, Ct)).Info.Status);

        sleeper.Kill();
        await sleeper.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.Equal([runId], await reconciler.ReconcileAsync(experiment, cancellationToken: Ct));
        var run = await _store.GetRunAsync(runId, Ct);
        Assert.Equal(RunStatus.Killed, run.Info.Status);
        Assert.NotNull(run.Info.EndTime);
        Assert.Equal($"process {sleeper.Id} on {Environment.MachineName} ended without ending the run (killed)", run.Tags[RunOwner.EndReasonTag]);
        Assert.Empty(await reconciler.ReconcileAsync(experiment, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_reused_pid_does_not_keep_a_dead_run_alive()
    {
        // This test process is alive, but it started long before the recorded start time.
        var owner = new RunOwner(Environment.ProcessId, Environment.MachineName, DateTimeOffset.UtcNow.AddHours(1));
        var (experiment, runId) = await RunOwnedByAsync(owner, DateTimeOffset.UtcNow);
        Assert.Equal([runId], await new StaleRunReconciler(_store, TimeProvider.System).ReconcileAsync(experiment, cancellationToken: Ct));
    }

    [Fact]
    public async Task A_run_of_another_machine_is_judged_by_its_heartbeat()
    {
        var owner = new RunOwner(12345, "another-machine", DateTimeOffset.UtcNow.AddHours(-2));
        var (experiment, silent) = await RunOwnedByAsync(owner, DateTimeOffset.UtcNow - StaleRunReconciler.HeartbeatTimeout - TimeSpan.FromMinutes(1));
        var (_, beating) = await RunOwnedByAsync(owner, DateTimeOffset.UtcNow.AddMinutes(-5));

        Assert.Equal([silent], await new StaleRunReconciler(_store, TimeProvider.System).ReconcileAsync(experiment, cancellationToken: Ct));
        Assert.Equal(RunStatus.Running, (await _store.GetRunAsync(beating, Ct)).Info.Status);
        Assert.StartsWith("no heartbeat from process 12345 on another-machine for 31 minutes", (await _store.GetRunAsync(silent, Ct)).Tags[RunOwner.EndReasonTag]);
    }

    [Fact]
    public async Task Runs_without_owner_tags_and_ended_runs_are_left_alone()
    {
        var (experiment, foreign) = await RunOwnedByAsync(null, DateTimeOffset.UtcNow);
        var owner = new RunOwner(int.MaxValue - 1, Environment.MachineName, DateTimeOffset.UtcNow);
        var (_, finished) = await RunOwnedByAsync(owner, DateTimeOffset.UtcNow);
        await _store.EndRunAsync(finished, RunStatus.Finished, Ct);

        Assert.Empty(await new StaleRunReconciler(_store, TimeProvider.System).ReconcileAsync(experiment, cancellationToken: Ct));
        Assert.Equal(RunStatus.Running, (await _store.GetRunAsync(foreign, Ct)).Info.Status);
        Assert.Equal(RunStatus.Finished, (await _store.GetRunAsync(finished, Ct)).Info.Status);
    }
}
