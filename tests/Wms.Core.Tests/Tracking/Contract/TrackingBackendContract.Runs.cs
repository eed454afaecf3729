using Wms.Core.Tracking;
using Xunit;

namespace Wms.Core.Tests.Tracking.Contract;

public abstract partial class TrackingBackendContract
{
    [Fact]
    public async Task An_experiment_is_created_once_and_found_by_name()
    {
        Assert.Null(await Store.FindExperimentAsync(ExperimentName, Cancel));
        var first = await Store.GetOrCreateExperimentAsync(ExperimentName, Cancel);
        var second = await Store.GetOrCreateExperimentAsync(ExperimentName, Cancel);
        Assert.Equal(first.ExperimentId, second.ExperimentId);
        Assert.Equal(ExperimentName, (await Store.FindExperimentAsync(ExperimentName, Cancel))!.Name);
    }

    [Fact]
    public async Task A_new_run_is_running_with_its_name_and_tags()
    {
        var experiment = await Store.GetOrCreateExperimentAsync(ExperimentName, Cancel);
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var info = await Store.CreateRunAsync(experiment.ExperimentId, "first-run", new Dictionary<string, string> { ["mlflow.source.git.commit"] = "abc123" }, Cancel);
        var run = await Store.GetRunAsync(info.RunId, Cancel);
        Assert.Equal(RunStatus.Running, run.Info.Status);
        Assert.Equal("first-run", run.Info.RunName);
        Assert.Equal(experiment.ExperimentId, run.Info.ExperimentId);
        Assert.Matches("^[0-9a-f]{32}$", run.Info.RunId);
        Assert.InRange(run.Info.StartTime, before, DateTimeOffset.UtcNow.AddSeconds(5));
        Assert.Null(run.Info.EndTime);
        Assert.Equal("abc123", run.Tags["mlflow.source.git.commit"]);
        Assert.Equal("first-run", run.Tags["mlflow.runName"]);
    }

    [Fact]
    public async Task Metrics_params_and_tags_come_back_with_the_full_history()
    {
        var runId = await NewRunAsync();
        var t0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var metrics = Enumerable.Range(0, 5).SelectMany(epoch => new[]
        {
            new Metric("val_loss", 1.0 / (epoch + 1), epoch, t0.AddSeconds(epoch)),
            new Metric("val_dice", 0.5 + epoch * 0.1, epoch, t0.AddSeconds(epoch)),
        }).Append(new Metric("train_loss", double.NaN, 0, t0)).ToList();
        await Store.LogBatchAsync(runId, metrics, new Dictionary<string, string> { ["batch_size"] = "4", ["learning_rate"] = "0.0001" },
            new Dictionary<string, string> { ["stage"] = "train" }, Cancel);
        await Store.SetTagAsync(runId, "stage", "evaluated", Cancel);

        var run = await Store.GetRunAsync(runId, Cancel);
        Assert.Equal(0.9, run.GetMetric("val_dice")!.Value, 10);
        Assert.Equal(4, run.Metrics["val_dice"].Step);
        Assert.Equal(t0.AddSeconds(4), run.Metrics["val_dice"].Timestamp);
        Assert.True(double.IsNaN(run.GetMetric("train_loss")!.Value));
        Assert.Null(run.GetMetric("never_logged"));
        Assert.Equal("4", run.Params["batch_size"]);
        Assert.Equal("evaluated", run.Tags["stage"]);

        var history = await Store.GetMetricHistoryAsync(runId, "val_loss", Cancel);
        Assert.Equal([0L, 1, 2, 3, 4], history.Select(m => m.Step));
        Assert.Equal(metrics.Where(m => m.Key == "val_loss").Select(m => m.Value), history.Select(m => m.Value));
        Assert.Empty(await Store.GetMetricHistoryAsync(runId, "never_logged", Cancel));
    }

    [Fact]
    public async Task Params_are_immutable_but_the_same_value_may_be_logged_again()
    {
        var runId = await NewRunAsync();
        await Store.LogBatchAsync(runId, parameters: new Dictionary<string, string> { ["lr"] = "0.01" }, cancellationToken: Cancel);
        await Store.LogBatchAsync(runId, parameters: new Dictionary<string, string> { ["lr"] = "0.01" }, cancellationToken: Cancel);
        var error = await ThrowsWms(WmsErrorKind.InvalidInput, () =>
            Store.LogBatchAsync(runId, parameters: new Dictionary<string, string> { ["lr"] = "0.02" }, cancellationToken: Cancel));
        Assert.Contains("Changing param values is not allowed", error.Message);
        Assert.Equal("0.01", (await Store.GetRunAsync(runId, Cancel)).Params["lr"]);
    }

    [Fact]
    public async Task A_batch_beyond_the_MLflow_limits_is_stored_completely()
    {
        var runId = await NewRunAsync();
        var t0 = DateTimeOffset.UtcNow;
        var metrics = Enumerable.Range(0, 1500).Select(i => new Metric("loss", i, i, t0)).ToList();
        var parameters = Enumerable.Range(0, 150).ToDictionary(i => $"p{i:000}", i => i.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var tags = Enumerable.Range(0, 120).ToDictionary(i => $"t{i:000}", _ => "x");
        await Store.LogBatchAsync(runId, metrics, parameters, tags, Cancel);

        var run = await Store.GetRunAsync(runId, Cancel);
        Assert.Equal(150, run.Params.Count);
        Assert.Equal(120, run.Tags.Keys.Count(k => k.StartsWith('t')));
        Assert.Equal(1500, (await Store.GetMetricHistoryAsync(runId, "loss", Cancel)).Count);
        Assert.Equal(1499, run.GetMetric("loss"));
    }

    [Fact]
    public async Task The_same_metric_logged_twice_is_stored_once_so_retries_are_harmless()
    {
        var runId = await NewRunAsync();
        var metric = new Metric("val_iou", 0.42, 3, DateTimeOffset.UtcNow);
        await Store.LogBatchAsync(runId, [metric], cancellationToken: Cancel);
        await Store.LogBatchAsync(runId, [metric], cancellationToken: Cancel);
        Assert.Single(await Store.GetMetricHistoryAsync(runId, "val_iou", Cancel));
    }

    [Theory]
    [InlineData(RunStatus.Finished)]
    [InlineData(RunStatus.Failed)]
    [InlineData(RunStatus.Killed)]
    public async Task Ending_a_run_records_its_status_and_end_time(RunStatus status)
    {
        var runId = await NewRunAsync();
        await Store.EndRunAsync(runId, status, CancellationToken.None);
        var info = (await Store.GetRunAsync(runId, Cancel)).Info;
        Assert.Equal(status, info.Status);
        Assert.NotNull(info.EndTime);
        Assert.True(info.EndTime >= info.StartTime);
    }

    [Fact]
    public async Task An_unknown_run_is_not_found_everywhere()
    {
        await Store.GetOrCreateExperimentAsync(ExperimentName, Cancel);
        const string missing = "0123456789abcdef0123456789abcdef";
        Assert.Contains(missing, (await ThrowsWms(WmsErrorKind.NotFound, () => Store.GetRunAsync(missing, Cancel))).Message);
        await ThrowsWms(WmsErrorKind.NotFound, () => Store.EndRunAsync(missing, RunStatus.Finished, Cancel));
        await ThrowsWms(WmsErrorKind.NotFound, () => Store.LogBatchAsync(missing, [new Metric("x", 1, 0, DateTimeOffset.UtcNow)], cancellationToken: Cancel));
        await ThrowsWms(WmsErrorKind.NotFound, () => Store.ListArtifactsAsync(missing, cancellationToken: Cancel));
    }

    [Fact]
    public async Task Runs_are_listed_newest_first_within_their_experiment()
    {
        var first = await NewRunAsync();
        await Task.Delay(20, Cancel);
        var second = await NewRunAsync();
        var experiment = await Store.FindExperimentAsync(ExperimentName, Cancel);
        var runs = await Store.SearchRunsAsync(experiment!.ExperimentId, cancellationToken: Cancel);
        Assert.Equal([second, first], runs.Select(r => r.Info.RunId));
        Assert.Single(await Store.SearchRunsAsync(experiment.ExperimentId, 1, Cancel));
    }

    [Theory]
    [InlineData("")]
    [InlineData("bad..name")]
    [InlineData("semi;colon")]
    public async Task Invalid_metric_names_are_rejected_alike(string key)
    {
        var runId = await NewRunAsync();
        await ThrowsWms(WmsErrorKind.InvalidInput, () => Store.LogBatchAsync(runId, [new Metric(key, 1, 0, DateTimeOffset.UtcNow)], cancellationToken: Cancel));
    }
}
