using System.Text.Json.Nodes;
using Wms.Core.Registry;
using Wms.Core.Registry.Promotion;
using Wms.Core.Tracking.Embedded;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Tracking;

public sealed class ProductionRecordsTests : IDisposable
{
    private readonly TempDirectory _temp = new("wms-records");
    private readonly SqliteTrackingStore _store;
    private readonly ModelPromoter _promoter;
    private static readonly PromotionActor Actor = new("ci-bot", "github-actions o/r run 7");
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public ProductionRecordsTests()
    {
        _store = new SqliteTrackingStore(_temp.Combine(".wms"));
        _promoter = new ModelPromoter(_store, _store, TimeProvider.System);
    }

    public void Dispose()
    {
        _store.Dispose();
        _temp.Dispose();
    }

    private string Records => _temp.Combine("records");

    [Fact]
    public async Task Promotions_write_the_current_model_and_append_one_history_line_each()
    {
        var run1 = await TrackingSeed.RunWithModelAsync(_store, "exp", 0.71, 0.61);
        var run2 = await TrackingSeed.RunWithModelAsync(_store, "exp", 0.78, 0.66, parameters: new Dictionary<string, string> { ["epochs"] = "50", ["seed"] = "42" });
        await ProductionRecords.WriteAsync(Records, await _promoter.PromoteRunAsync(run1.RunId, Actor, "first model", Cancel), Cancel);
        await ProductionRecords.WriteAsync(Records, await _promoter.PromoteRunAsync(run2.RunId, Actor, "dice 0.71 -> 0.78", Cancel), Cancel);
        await ProductionRecords.WriteAsync(Records, await _promoter.PromoteRunAsync(run2.RunId, Actor, "repeat", Cancel), Cancel);

        var current = JsonNode.Parse(File.ReadAllText(Path.Combine(Records, ProductionRecords.CurrentFile)))!;
        Assert.Equal(2, current["version"]!.GetValue<int>());
        Assert.Equal(run2.RunId, current["run_id"]!.GetValue<string>());
        Assert.Equal("Production", current["stage"]!.GetValue<string>());
        Assert.Equal("production", current["aliases"]![0]!.GetValue<string>());
        Assert.Equal(0.78, current["metrics"]![ModelMetrics.Dice]!.GetValue<double>());
        Assert.Equal("42", current["params"]!["seed"]!.GetValue<string>());
        Assert.Equal("ci-bot", current["promoted_by"]!.GetValue<string>());
        Assert.Equal("dice 0.71 -> 0.78", current["reason"]!.GetValue<string>());
        Assert.Equal(1, current["previous_version"]!.GetValue<int>());
        Assert.NotNull(current["promoted_at"]);
        Assert.NotNull(current["run_ended_at"]);

        var history = File.ReadAllLines(Path.Combine(Records, ProductionRecords.HistoryFile)).Select(l => JsonNode.Parse(l)!).ToList();
        Assert.Equal([1, 2], history.Select(h => h["version"]!.GetValue<int>()));
        Assert.Equal(0.71, history[0]["dice"]!.GetValue<double>());
        Assert.Equal("promote", history[1]["event"]!.GetValue<string>());
        Assert.Equal(1, history[1]["previous_version"]!.GetValue<int>());
        Assert.Equal(["production_current.json", "production_history.jsonl"], Directory.GetFiles(Records).Select(Path.GetFileName).Order());
    }

    [Fact]
    public async Task A_rollback_is_recorded_and_concurrent_writers_lose_no_line()
    {
        var runs = new List<string>();
        for (var i = 0; i < 2; i++) runs.Add((await TrackingSeed.RunWithModelAsync(_store, "exp", 0.7 + i * 0.05, 0.6)).RunId);
        await _promoter.PromoteRunAsync(runs[0], Actor, cancellationToken: Cancel);
        await _promoter.PromoteRunAsync(runs[1], Actor, cancellationToken: Cancel);
        var rollback = await _promoter.RollbackAsync(Actor, "bad digits", Cancel);

        await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => ProductionRecords.WriteAsync(Records, rollback, Cancel), Cancel)));
        var lines = File.ReadAllLines(Path.Combine(Records, ProductionRecords.HistoryFile));
        Assert.Equal(8, lines.Length);
        Assert.All(lines, l => Assert.Equal("rollback", JsonNode.Parse(l)!["event"]!.GetValue<string>()));
        Assert.Equal(1, JsonNode.Parse(File.ReadAllText(Path.Combine(Records, ProductionRecords.CurrentFile)))!["version"]!.GetValue<int>());
    }
}
