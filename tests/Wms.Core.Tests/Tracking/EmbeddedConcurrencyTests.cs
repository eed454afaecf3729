using Microsoft.Data.Sqlite;
using Wms.Core.Registry;
using Wms.Core.Registry.Promotion;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Tracking;

/// <summary>
/// Several clients of one embedded store at once, each with its own connection pool as separate
/// processes would have (real processes: Wms.Cli.Tests' ConcurrentProcessTests).
/// </summary>
public sealed class EmbeddedConcurrencyTests : IDisposable
{
    private readonly TempDirectory _temp = new("wms-concurrency");
    private readonly List<SqliteTrackingStore> _stores = [];
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose()
    {
        foreach (var store in _stores) store.Dispose();
        _temp.Dispose();
    }

    private SqliteTrackingStore Open()
    {
        var store = new SqliteTrackingStore(_temp.Combine(".wms"));
        _stores.Add(store);
        return store;
    }

    [Fact]
    public async Task A_training_that_logs_while_promotions_and_readers_run_loses_nothing()
    {
        var setup = Open();
        var versions = new List<int>();
        for (var i = 0; i < 3; i++)
        {
            var seeded = await TrackingSeed.RunWithModelAsync(setup, "exp", 0.7 + i * 0.01, 0.6);
            versions.Add((await setup.CreateModelVersionAsync(RegistryNames.ModelName, seeded.RunId, "model", cancellationToken: Cancel)).Version);
        }
        var experimentId = (await setup.FindExperimentAsync("exp", Cancel))!.ExperimentId;
        var training = await setup.CreateRunAsync(experimentId, "training", cancellationToken: Cancel);

        const int Epochs = 150, MetricsPerEpoch = 6;
        var logger = Task.Run(async () =>
        {
            var store = Open();
            for (var epoch = 0; epoch < Epochs; epoch++)
            {
                var at = DateTimeOffset.UtcNow;
                var metrics = Enumerable.Range(0, MetricsPerEpoch).Select(k => new Metric($"m{k}", epoch + k / 10.0, epoch, at)).ToList();
                await store.LogBatchAsync(training.RunId, metrics, new Dictionary<string, string> { [$"p{epoch}"] = "x" }, cancellationToken: Cancel);
            }
            await store.EndRunAsync(training.RunId, RunStatus.Finished, CancellationToken.None);
        }, Cancel);
        var promoters = Enumerable.Range(0, 3).Select(p => Task.Run(async () =>
        {
            var store = Open();
            var promoter = new ModelPromoter(store, store, TimeProvider.System);
            for (var round = 0; round < 12; round++)
                await promoter.PromoteVersionAsync(versions[(p + round) % versions.Count], new PromotionActor($"p{p}", "test"), cancellationToken: Cancel);
        }, Cancel)).ToList();
        var reader = Task.Run(async () =>
        {
            var store = Open();
            while (!logger.IsCompleted || promoters.Any(t => !t.IsCompleted))
            {
                var listed = await store.ListModelVersionsAsync(RegistryNames.ModelName, Cancel);
                Assert.True(listed.Count(v => v.Stage == ModelStage.Production) <= 1, "a reader saw two Production versions");
                await store.GetRunAsync(training.RunId, Cancel);
            }
        }, Cancel);
        await Task.WhenAll([logger, reader, .. promoters]);

        var check = Open();
        for (var k = 0; k < MetricsPerEpoch; k++)
            Assert.Equal(Epochs, (await check.GetMetricHistoryAsync(training.RunId, $"m{k}", Cancel)).Count);
        var run = await check.GetRunAsync(training.RunId, Cancel);
        Assert.Equal(Epochs, run.Params.Count);
        Assert.Equal(RunStatus.Finished, run.Info.Status);

        var all = await check.ListModelVersionsAsync(RegistryNames.ModelName, Cancel);
        var production = Assert.Single(all, v => v.Stage == ModelStage.Production);
        Assert.Equal(["production"], production.Aliases);
        Assert.Single(all, v => v.Aliases.Contains(RegistryNames.PreviousAlias));
        Assert.Equal(("ok", "wal"), Pragmas(check.DatabasePath));
    }

    [Fact]
    public async Task Many_clients_creating_runs_at_once_all_succeed_with_distinct_ids()
    {
        var experimentId = (await Open().GetOrCreateExperimentAsync("exp", Cancel)).ExperimentId;
        var ids = await Task.WhenAll(Enumerable.Range(0, 8).Select(c => Task.Run(async () =>
        {
            var store = Open();
            var mine = new List<string>();
            for (var i = 0; i < 15; i++)
            {
                var run = await store.CreateRunAsync(experimentId, $"c{c}-{i}", cancellationToken: Cancel);
                await store.LogBatchAsync(run.RunId, [new Metric("x", i, 0, DateTimeOffset.UtcNow)], cancellationToken: Cancel);
                mine.Add(run.RunId);
            }
            return mine;
        }, Cancel)));
        var created = ids.SelectMany(i => i).ToList();
        Assert.Equal(120, created.Distinct().Count());
        Assert.Equal(120, (await Open().SearchRunsAsync(experimentId, 1000, Cancel)).Count);
    }

    private static (string Integrity, string JournalMode) Pragmas(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "PRAGMA integrity_check";
        var integrity = (string)command.ExecuteScalar()!;
        command.CommandText = "PRAGMA journal_mode";
        return (integrity, (string)command.ExecuteScalar()!);
    }
}
