using Wms.Core.Registry;
using Wms.Core.Registry.Promotion;
using Wms.Core.Tracking;
using Xunit;

namespace Wms.Core.Tests.Tracking.Contract;

public abstract partial class TrackingBackendContract
{
    [Fact]
    public async Task Promoting_a_run_registers_it_once_and_a_repeat_changes_nothing()
    {
        var run = await SeedRunAsync();
        var first = await Promoter().PromoteRunAsync(run.RunId, Actor, "better dice", Cancel);
        Assert.True(first.Changed);
        Assert.Equal(1, first.Version.Version);
        Assert.Equal(ModelStage.Production, first.Version.Stage);
        Assert.Equal(["production"], first.Version.Aliases);
        Assert.Null(first.Previous);
        Assert.Equal("tester", first.Version.Tags[PromotionTags.PromotedBy]);
        Assert.Equal("test-host", first.Version.Tags[PromotionTags.PromotedFrom]);
        Assert.Equal("better dice", first.Version.Tags[PromotionTags.Reason]);
        Assert.True(DateTimeOffset.TryParse(first.Version.Tags[PromotionTags.PromotedAt], out _));

        var again = await Promoter().PromoteRunAsync(run.RunId, Actor with { User = "someone-else" }, "again", Cancel);
        Assert.False(again.Changed);
        Assert.Contains("nothing changed", again.Message);
        var versions = await VersionsAsync();
        Assert.Single(versions);
        Assert.Equal("tester", versions[0].Tags[PromotionTags.PromotedBy]);
    }

    [Fact]
    public async Task Promoting_a_second_run_archives_the_first_with_alias_previous()
    {
        var run1 = await SeedRunAsync(0.7, 0.6);
        var run2 = await SeedRunAsync(0.8, 0.7);
        await Promoter().PromoteRunAsync(run1.RunId, Actor, cancellationToken: Cancel);
        var second = await Promoter().PromoteRunAsync(run2.RunId, Actor, cancellationToken: Cancel);

        Assert.Equal(1, second.Previous!.Version);
        var versions = await VersionsAsync();
        Assert.Equal([(2, ModelStage.Production, "production"), (1, ModelStage.Archived, "previous")],
            versions.Select(v => (v.Version, v.Stage, string.Join(',', v.Aliases))));
        Assert.Equal("replaced by version 2", versions[1].Tags[PromotionTags.ArchiveReason]);
        Assert.Equal(run2.RunId, (await Registry.FindProductionVersionAsync(ModelName, Cancel))!.RunId);
    }

    [Fact]
    public async Task Rollback_swaps_production_and_previous_and_a_second_rollback_undoes_it()
    {
        await ThrowsWms(WmsErrorKind.NotFound, () => Promoter().RollbackAsync(Actor, cancellationToken: Cancel));
        await Promoter().PromoteRunAsync((await SeedRunAsync()).RunId, Actor, cancellationToken: Cancel);
        Assert.Contains("nothing to roll back to", (await ThrowsWms(WmsErrorKind.NotFound, () => Promoter().RollbackAsync(Actor, cancellationToken: Cancel))).Message);
        await Promoter().PromoteRunAsync((await SeedRunAsync()).RunId, Actor, cancellationToken: Cancel);

        var back = await Promoter().RollbackAsync(Actor, "v2 misreads digits", Cancel);
        Assert.True(back.Changed);
        Assert.Equal((1, 2), (back.Version.Version, back.Previous!.Version));
        Assert.Equal("rollback", back.Version.Tags[PromotionTags.Kind]);
        Assert.Equal([(2, ModelStage.Archived, "previous"), (1, ModelStage.Production, "production")],
            (await VersionsAsync()).Select(v => (v.Version, v.Stage, string.Join(',', v.Aliases))));

        var forth = await Promoter().RollbackAsync(Actor, cancellationToken: Cancel);
        Assert.Equal(2, forth.Version.Version);
        Assert.Equal(ModelStage.Production, (await Registry.GetModelVersionAsync(ModelName, 2, Cancel)).Stage);
    }

    [Fact]
    public async Task Promoting_a_run_needs_a_finished_run_with_a_model()
    {
        await Store.GetOrCreateExperimentAsync(ExperimentName, Cancel);
        await ThrowsWms(WmsErrorKind.NotFound, () => Promoter().PromoteRunAsync("0123456789abcdef0123456789abcdef", Actor, cancellationToken: Cancel));
        var noModel = await SeedRunAsync(withModel: false);
        Assert.Contains("no model artifact", (await ThrowsWms(WmsErrorKind.NotFound, () => Promoter().PromoteRunAsync(noModel.RunId, Actor, cancellationToken: Cancel))).Message);
        var running = await SeedRunAsync(status: RunStatus.Running);
        Assert.Contains("RUNNING", (await ThrowsWms(WmsErrorKind.InvalidInput, () => Promoter().PromoteRunAsync(running.RunId, Actor, cancellationToken: Cancel))).Message);
        Assert.Empty(await VersionsAsync());
    }

    [Fact]
    public async Task Promoting_an_existing_version_and_archiving_follow_the_same_rules()
    {
        await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        await Registry.CreateModelVersionAsync(ModelName, (await SeedRunAsync()).RunId, "model", cancellationToken: Cancel);
        await ThrowsWms(WmsErrorKind.NotFound, () => Promoter().PromoteVersionAsync(5, Actor, cancellationToken: Cancel));
        Assert.True((await Promoter().PromoteVersionAsync(2, Actor, cancellationToken: Cancel)).Changed);
        Assert.False((await Promoter().PromoteVersionAsync(2, Actor, cancellationToken: Cancel)).Changed);

        Assert.True((await Promoter().ArchiveAsync(1, Actor, "superseded", cancellationToken: Cancel)).Changed);
        Assert.False((await Promoter().ArchiveAsync(1, Actor, cancellationToken: Cancel)).Changed);
        Assert.Equal("superseded", (await Registry.GetModelVersionAsync(ModelName, 1, Cancel)).Tags[PromotionTags.ArchiveReason]);

        await ThrowsWms(WmsErrorKind.Conflict, () => Promoter().ArchiveAsync(2, Actor, cancellationToken: Cancel));
        var forced = await Promoter().ArchiveAsync(2, Actor, force: true, cancellationToken: Cancel);
        Assert.Equal(ModelStage.Archived, forced.Version.Stage);
        Assert.Null(await Registry.FindProductionVersionAsync(ModelName, Cancel));
    }

    [Fact]
    public async Task The_same_run_promoted_twice_at_once_ends_as_one_production_version()
    {
        var run = await SeedRunAsync();
        var clients = new List<ITrackingStore> { await NewClientAsync(), await NewClientAsync() };
        var outcomes = await Task.WhenAll(clients.Select(c => Task.Run(() => Promoter(c).PromoteRunAsync(run.RunId, Actor, cancellationToken: Cancel))));
        // Both may report a change on MLflow (no transactions there); both must name the same version.
        Assert.Contains(outcomes, o => o.Changed);
        Assert.Single(outcomes.Select(o => o.Version.Version).Distinct());
        var versions = await VersionsAsync();
        var production = Assert.Single(versions, v => v.Stage == ModelStage.Production);
        Assert.Equal(versions.Min(v => v.Version), production.Version);
        Assert.Equal(["production"], production.Aliases);
    }

    [Fact]
    public async Task Concurrent_promotions_leave_exactly_one_production_version()
    {
        var runs = new List<RunInfo>();
        for (var i = 0; i < 4; i++) runs.Add(await SeedRunAsync(0.7 + i * 0.01));
        await Promoter().PromoteRunAsync(runs[0].RunId, Actor, cancellationToken: Cancel);
        for (var i = 1; i < 4; i++)
            await Registry.CreateModelVersionAsync(ModelName, runs[i].RunId, "model", cancellationToken: Cancel);

        // Separate clients, as separate processes would have.
        var clients = new List<ITrackingStore>();
        for (var i = 0; i < 3; i++) clients.Add(await NewClientAsync());
        await Task.WhenAll(clients.Select((client, i) => Task.Run(() => Promoter(client).PromoteVersionAsync(i + 2, Actor, cancellationToken: Cancel))));

        var versions = await VersionsAsync();
        var production = Assert.Single(versions, v => v.Stage == ModelStage.Production);
        Assert.Equal(production.Version, (await Registry.FindModelVersionByAliasAsync(ModelName, RegistryNames.ProductionAlias, Cancel))!.Version);
        Assert.Single(versions, v => v.Aliases.Contains(RegistryNames.ProductionAlias));
        Assert.All(versions.Where(v => v != production), v => Assert.Equal(ModelStage.Archived, v.Stage));
    }
}
