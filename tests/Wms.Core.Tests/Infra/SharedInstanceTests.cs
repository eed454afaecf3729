using Wms.Core;
using Wms.Core.Infra;
using Xunit;

namespace Wms.Core.Tests.Infra;

public sealed class SharedInstanceTests
{
    private static readonly TimeSpan Ttl = TimeSpan.FromHours(3);
    private readonly AutoClock _clock = new();
    private readonly InfraOptions _options = new() { Timeout = TimeSpan.FromMinutes(15), PollInterval = TimeSpan.FromSeconds(10) };
    private CancellationToken Ct => TestContext.Current.CancellationToken;

    private InMemoryInstanceStore Store(InstanceState initial = InstanceState.Stopped) => new(_clock, initial);

    private SharedInstance Shared(InMemoryInstanceStore store) => new(store, _clock, _options);

    [Fact]
    public async Task Start_takes_the_lease_first_then_starts_a_stopped_instance_and_waits_until_running()
    {
        var store = Store();
        var start = _clock.GetUtcNow();

        var result = await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);

        Assert.Equal(InstanceState.Running, result.State);
        Assert.Equal(InstanceState.Running, store.State);
        Assert.True(result.StartIssued);
        Assert.Equal(1, store.StartCalls);
        Assert.Equal(start + Ttl, result.Lease.ExpiresAt);
        Assert.Equal(LeaseTags.FormatExpiry(start + Ttl), store.Tags["wms-lease:run-1"]);
        Assert.True(_clock.GetUtcNow() - start >= store.PendingDuration, "it waited for pending to end");
    }

    [Fact]
    public async Task Start_without_waiting_returns_once_the_start_was_asked_for()
    {
        var store = Store();
        var result = await Shared(store).StartAsync("run-1", Ttl, wait: false, Ct);
        Assert.Equal(InstanceState.Pending, result.State);
        Assert.True(result.StartIssued);
    }

    [Fact]
    public async Task Start_on_a_running_instance_adds_a_lease_and_does_not_start_again()
    {
        var store = Store();
        await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);

        var second = await Shared(store).StartAsync("run-2", Ttl, wait: true, Ct);

        Assert.False(second.StartIssued);
        Assert.Equal(1, store.StartCalls);
        Assert.Equal(["run-1"], second.OtherLiveLeases.Select(l => l.Id));
        Assert.Equal(["wms-lease:run-1", "wms-lease:run-2"], store.Tags.Keys.Order());
    }

    [Fact]
    public async Task Starting_again_with_the_same_lease_renews_it()
    {
        var store = Store();
        await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);
        _clock.Advance(TimeSpan.FromHours(2));

        var renewed = await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);

        Assert.Equal(_clock.GetUtcNow() + Ttl, renewed.Lease.ExpiresAt, TimeSpan.FromSeconds(1));
        Assert.Single(store.Tags);
        Assert.Empty(renewed.OtherLiveLeases);
    }

    [Fact]
    public async Task Stop_with_another_live_lease_releases_its_own_and_keeps_the_instance_running()
    {
        var store = Store();
        await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);
        await Shared(store).StartAsync("run-2", Ttl, wait: true, Ct);

        var result = await Shared(store).StopAsync("run-1", force: false, wait: true, Ct);

        Assert.Equal(StopOutcome.KeptForLeases, result.Outcome);
        Assert.True(result.LeaseReleased);
        Assert.Equal(["run-2"], result.LiveLeases.Select(l => l.Id));
        Assert.Contains("run-2", result.Reason);
        Assert.Equal(InstanceState.Running, store.State);
        Assert.Equal(0, store.StopCalls);
        Assert.Equal(["wms-lease:run-2"], store.Tags.Keys);
    }

    [Fact]
    public async Task The_last_lease_holder_stops_the_instance_and_waits_until_stopped()
    {
        var store = Store();
        await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);
        await Shared(store).StartAsync("run-2", Ttl, wait: true, Ct);
        await Shared(store).StopAsync("run-2", force: false, wait: true, Ct);

        var result = await Shared(store).StopAsync("run-1", force: false, wait: true, Ct);

        Assert.Equal(StopOutcome.Stopped, result.Outcome);
        Assert.Equal(InstanceState.Stopped, result.State);
        Assert.Equal(InstanceState.Stopped, store.State);
        Assert.Equal(1, store.StopCalls);
        Assert.Empty(store.Tags);
    }

    [Fact]
    public async Task Stop_without_waiting_returns_while_stopping()
    {
        var store = Store();
        await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);
        var result = await Shared(store).StopAsync("run-1", force: false, wait: false, Ct);
        Assert.Equal(StopOutcome.Stopping, result.Outcome);
        Assert.Equal(InstanceState.Stopping, result.State);
    }

    [Fact]
    public async Task A_stale_lease_does_not_keep_the_instance_running_and_is_removed()
    {
        var store = Store();
        await Shared(store).StartAsync("killed-run", TimeSpan.FromHours(1), wait: true, Ct);
        await Shared(store).StartAsync("run-2", Ttl, wait: true, Ct);
        _clock.Advance(TimeSpan.FromMinutes(61));

        var result = await Shared(store).StopAsync("run-2", force: false, wait: true, Ct);

        Assert.Equal(StopOutcome.Stopped, result.Outcome);
        Assert.Equal(["killed-run"], result.ExpiredLeasesRemoved);
        Assert.Empty(store.Tags);
        Assert.Equal(InstanceState.Stopped, store.State);
    }

    [Fact]
    public async Task A_lease_is_live_until_its_expiry_and_not_after()
    {
        var store = Store();
        await Shared(store).StartAsync("run-1", TimeSpan.FromHours(1), wait: true, Ct);
        var taken = _clock.GetUtcNow();

        _clock.Advance(TimeSpan.FromMinutes(59));
        Assert.Equal(StopOutcome.KeptForLeases, (await Shared(store).StopAsync(null, force: false, wait: true, Ct)).Outcome);

        _clock.Advance(TimeSpan.FromMinutes(2));
        var status = await Shared(store).StatusAsync(Ct);
        Assert.False(Assert.Single(status.Leases).Live);
        Assert.True(_clock.GetUtcNow() > taken + TimeSpan.FromHours(1));
        Assert.Equal(StopOutcome.Stopped, (await Shared(store).StopAsync(null, force: false, wait: true, Ct)).Outcome);
    }

    [Fact]
    public async Task A_lease_tag_edited_into_garbage_counts_as_expired()
    {
        var store = Store(InstanceState.Running);
        await store.SetTagAsync("wms-lease:someone", "tomorrow-ish", Ct);

        var result = await Shared(store).StopAsync(null, force: false, wait: true, Ct);

        Assert.Equal(StopOutcome.Stopped, result.Outcome);
        Assert.Equal(["someone"], result.ExpiredLeasesRemoved);
    }

    [Fact]
    public async Task Idle_stop_without_a_lease_stops_only_when_nobody_holds_one()
    {
        var store = Store();
        await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);

        var kept = await Shared(store).StopAsync(null, force: false, wait: true, Ct);
        Assert.Equal(StopOutcome.KeptForLeases, kept.Outcome);
        Assert.False(kept.LeaseReleased);
        Assert.Equal(InstanceState.Running, store.State);

        await store.DeleteTagAsync("wms-lease:run-1", Ct);
        Assert.Equal(StopOutcome.Stopped, (await Shared(store).StopAsync(null, force: false, wait: true, Ct)).Outcome);
    }

    [Fact]
    public async Task Force_stops_under_live_leases_and_drops_them()
    {
        var store = Store();
        await Shared(store).StartAsync("run-1", Ttl, wait: true, Ct);
        await Shared(store).StartAsync("run-2", Ttl, wait: true, Ct);

        var result = await Shared(store).StopAsync(null, force: true, wait: true, Ct);

        Assert.Equal(StopOutcome.Stopped, result.Outcome);
        Assert.Equal(InstanceState.Stopped, store.State);
        Assert.Empty(store.Tags);
    }

    [Fact]
    public async Task Stopping_an_already_stopped_instance_is_a_no_op()
    {
        var store = Store();
        var result = await Shared(store).StopAsync("never-taken", force: false, wait: true, Ct);
        Assert.Equal(StopOutcome.Stopped, result.Outcome);
        Assert.False(result.LeaseReleased);
        Assert.Contains("already stopped", result.Reason);
        Assert.Equal(0, store.StopCalls);
    }

    [Fact]
    public async Task A_stuck_instance_fails_with_a_timeout_naming_the_state()
    {
        var store = Store();
        store.Stuck = true;

        var error = await Assert.ThrowsAsync<WmsException>(() => Shared(store).StartAsync("run-1", Ttl, wait: true, Ct));

        Assert.Equal(WmsErrorKind.DependencyUnavailable, error.Kind);
        Assert.Contains("still pending after 00:15:00", error.Message);
        Assert.Contains(store.InstanceId, error.Message);
    }

    [Fact]
    public async Task A_terminated_instance_cannot_be_started()
    {
        var store = Store(InstanceState.Terminated);
        var error = await Assert.ThrowsAsync<WmsException>(() => Shared(store).StartAsync("run-1", Ttl, wait: true, Ct));
        Assert.Equal(WmsErrorKind.NotFound, error.Kind);
        Assert.Contains("terminated", error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("has space")]
    [InlineData("-leading-dash")]
    [InlineData("semi;colon")]
    public async Task An_invalid_lease_id_is_refused_before_anything_changes(string id)
    {
        var store = Store();
        var error = await Assert.ThrowsAsync<WmsException>(() => Shared(store).StartAsync(id, Ttl, wait: true, Ct));
        Assert.Equal(WmsErrorKind.InvalidInput, error.Kind);
        Assert.Contains("--lease", error.Message);
        Assert.Empty(store.Tags);
        Assert.Equal(0, store.StartCalls);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(8 * 24 * 3600)]
    public async Task A_ttl_out_of_range_is_refused(int seconds)
    {
        var store = Store();
        var error = await Assert.ThrowsAsync<WmsException>(() => Shared(store).StartAsync("run-1", TimeSpan.FromSeconds(seconds), wait: true, Ct));
        Assert.Contains("--ttl", error.Message);
        Assert.Empty(store.Tags);
    }

    [Fact]
    public void A_poll_interval_under_a_second_is_refused_naming_the_setting()
    {
        var error = Assert.Throws<WmsException>(() => new SharedInstance(Store(), _clock, _options with { PollInterval = TimeSpan.Zero }));
        Assert.Contains("Infra:PollInterval", error.Message);
    }

    [Fact]
    public async Task Status_lists_leases_with_their_liveness_and_changes_nothing()
    {
        var store = Store();
        await Shared(store).StartAsync("old", TimeSpan.FromMinutes(30), wait: true, Ct);
        await Shared(store).StartAsync("new", Ttl, wait: true, Ct);
        _clock.Advance(TimeSpan.FromHours(1));

        var status = await Shared(store).StatusAsync(Ct);

        Assert.Equal(InstanceState.Running, status.State);
        Assert.Equal([("new", true), ("old", false)], status.Leases.Select(l => (l.Id, l.Live)));
        Assert.Equal(2, store.Tags.Count);
    }
}
