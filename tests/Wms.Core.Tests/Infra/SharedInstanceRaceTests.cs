using Wms.Core;
using Wms.Core.Infra;
using Xunit;

namespace Wms.Core.Tests.Infra;

/// <summary>Two runs acting on the instance at once, in every order that matters.</summary>
public sealed class SharedInstanceRaceTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(3);
    private readonly AutoClock _clock = new();
    private readonly InfraOptions _options = new() { Timeout = TimeSpan.FromMinutes(15), PollInterval = TimeSpan.FromSeconds(10) };
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private InMemoryInstanceStore Store(InstanceState initial = InstanceState.Stopped) => new(_clock, initial);

    private SharedInstance Shared(InMemoryInstanceStore store) => new(store, _clock, _options);

    [Fact]
    public async Task A_lease_taken_between_the_stoppers_check_and_its_stop_call_gets_the_instance_back()
    {
        // Run B writes its lease and sees "running" just before run A's stop call lands: B believes
        // the machine is up, so A, re-reading the leases after its stop, must start it again.
        var store = Store();
        await Shared(store).StartAsync("run-a", Ttl, wait: true, Ct);
        store.BeforeOperation = async op =>
        {
            if (op != "stop") return;
            store.BeforeOperation = null;
            var b = await Shared(store).StartAsync("run-b", Ttl, wait: false, Ct);
            Assert.Equal(InstanceState.Running, b.State);
        };

        var result = await Shared(store).StopAsync("run-a", force: false, wait: true, Ct);

        Assert.Equal(StopOutcome.RestartedForLease, result.Outcome);
        Assert.Equal(["run-b"], result.LiveLeases.Select(l => l.Id));
        Assert.Equal(InstanceState.Running, store.State);
        Assert.Equal(["wms-lease:run-b"], store.Tags.Keys);
        Assert.Equal(1, store.StopCalls);
    }

    [Fact]
    public async Task A_start_during_anothers_stop_waits_for_stopped_then_starts()
    {
        var store = Store();
        await Shared(store).StartAsync("run-a", Ttl, wait: true, Ct);
        await Shared(store).StopAsync("run-a", force: false, wait: false, Ct);
        Assert.Equal(InstanceState.Stopping, store.State);

        var result = await Shared(store).StartAsync("run-b", Ttl, wait: false, Ct);

        // Even without --no-wait's "running", the start must be issued, which EC2 refuses while stopping.
        Assert.True(result.StartIssued);
        Assert.Equal(InstanceState.Pending, result.State);
    }

    [Fact]
    public async Task The_stopper_sees_a_lease_taken_while_stopping_and_brings_the_instance_back()
    {
        var store = Store();
        await Shared(store).StartAsync("run-a", Ttl, wait: true, Ct);
        var polls = 0;
        // B's lease appears on the stopper's second poll, while the instance is still stopping.
        var stopper = new SharedInstance(store, _clock, _options, new SyncProgress(message =>
        {
            if (message.Contains("waiting for stopped") && ++polls == 2)
                store.SetTagAsync(LeaseTags.KeyFor("run-b"), LeaseTags.FormatExpiry(_clock.GetUtcNow() + Ttl), default);
        }));

        var result = await stopper.StopAsync("run-a", force: false, wait: true, Ct);

        Assert.Equal(StopOutcome.RestartedForLease, result.Outcome);
        Assert.Equal(InstanceState.Running, store.State);
        Assert.Equal(2, store.StartCalls);
    }

    [Fact]
    public async Task Concurrent_runs_share_the_instance_and_only_the_last_one_out_stops_it()
    {
        var store = Store();
        var runs = Enumerable.Range(1, 4).Select(i => $"run-{i}").ToList();

        var starts = await Task.WhenAll(runs.Select(id => Task.Run(() => Shared(store).StartAsync(id, Ttl, wait: true, Ct), Ct)));
        Assert.All(starts, s => Assert.Equal(InstanceState.Running, s.State));
        Assert.Equal(runs.Select(r => "wms-lease:" + r), store.Tags.Keys.Order());

        var stops = await Task.WhenAll(runs.Take(3).Select(id => Task.Run(() => Shared(store).StopAsync(id, force: false, wait: true, Ct), Ct)));
        Assert.All(stops, s => Assert.Equal(StopOutcome.KeptForLeases, s.Outcome));
        Assert.Equal(InstanceState.Running, store.State);
        Assert.Equal(0, store.StopCalls);

        var last = await Shared(store).StopAsync("run-4", force: false, wait: true, Ct);
        Assert.Equal(StopOutcome.Stopped, last.Outcome);
        Assert.Equal(InstanceState.Stopped, store.State);
    }

    [Fact]
    public async Task Interleaved_start_and_stop_of_two_runs_never_leave_a_lease_holder_without_a_running_instance()
    {
        // Every order of B's start against A's stop, by letting B start at each of A's steps.
        for (var step = 0; step < 6; step++)
        {
            var store = Store();
            await Shared(store).StartAsync("run-a", Ttl, wait: true, Ct);
            var seen = 0;
            Task<StartResult>? b = null;
            var target = step;
            var stopper = new SharedInstance(store, _clock, _options, new SyncProgress(_ =>
            {
                if (seen++ == target) b = Shared(store).StartAsync("run-b", Ttl, wait: true, Ct);
            }));

            await stopper.StopAsync("run-a", force: false, wait: true, Ct);
            var bResult = b is null ? await Shared(store).StartAsync("run-b", Ttl, wait: true, Ct) : await b;

            Assert.Equal(InstanceState.Running, bResult.State);
            Assert.Equal(InstanceState.Running, store.State);
            Assert.Equal(["wms-lease:run-b"], store.Tags.Keys);
        }
    }

    [Fact]
    public async Task A_start_that_loses_a_race_to_a_state_change_retries()
    {
        var store = Store(InstanceState.Running);
        await Shared(store).StopAsync(null, force: false, wait: false, Ct);
        Assert.Equal(InstanceState.Stopping, store.State);

        var result = await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);

        Assert.Equal(InstanceState.Running, result.State);
    }

    /// <summary>Progress that runs its callback inline (Progress&lt;T&gt; posts to the thread pool).</summary>
    private sealed class SyncProgress(Action<string> report) : IProgress<string>
    {
        public void Report(string value) => report(value);
    }
}
