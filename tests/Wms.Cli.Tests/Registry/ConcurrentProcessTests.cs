using System.Diagnostics;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Xunit;

namespace Wms.Cli.Tests.Registry;

/// <summary>Real `wms` processes promoting at once while this process logs a training into the same embedded store.</summary>
public sealed class ConcurrentProcessTests : IDisposable
{
    private readonly RegistryWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Promotions_in_separate_processes_during_a_training_leave_one_production_and_lose_no_metric()
    {
        var cancel = TestContext.Current.CancellationToken;
        var runs = new List<string>();
        for (var i = 0; i < 4; i++) runs.Add((await _ws.SeedRunAsync(0.70 + i * 0.02, 0.6)).RunId);
        var experimentId = (await _ws.Store.FindExperimentAsync(RegistryNames.ModelName, cancel))!.ExperimentId;
        var training = await _ws.Store.CreateRunAsync(experimentId, "training-in-progress", cancellationToken: cancel);

        var processes = runs.Select(run => Start("promote", "--run", run, "--record-dir", "records")).ToList();
        var logged = 0;
        while (processes.Any(p => !p.HasExited) || logged < 20)
        {
            await _ws.Store.LogBatchAsync(training.RunId, [new Metric("val_loss", 1.0 / (logged + 1), logged, DateTimeOffset.UtcNow)], cancellationToken: cancel);
            logged++;
        }
        foreach (var process in processes)
        {
            await process.WaitForExitAsync(cancel);
            Assert.True(process.ExitCode == ExitCodes.Success, await process.StandardError.ReadToEndAsync(cancel));
        }

        Assert.Equal(logged, (await _ws.Store.GetMetricHistoryAsync(training.RunId, "val_loss", cancel)).Count);
        var versions = await _ws.Store.ListModelVersionsAsync(RegistryNames.ModelName, cancel);
        Assert.Equal(4, versions.Count);
        var production = Assert.Single(versions, v => v.Stage == ModelStage.Production);
        Assert.Equal([RegistryNames.ProductionAlias], production.Aliases);
        Assert.All(versions.Where(v => v != production), v => Assert.Equal(ModelStage.Archived, v.Stage));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(_ws.Root, "records", "production_history.jsonl")).Length);
    }

    private Process Start(params string[] args)
    {
        var info = new ProcessStartInfo(Path.Combine(AppContext.BaseDirectory, "wms"))
        {
            WorkingDirectory = _ws.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var variable in new[] { "MLFLOW_TRACKING_URI", "WMS_HOME", "Tracking__Root" }) info.Environment.Remove(variable);
        info.Environment["GITHUB_ACTOR"] = "process-test";
        return Process.Start(info)!;
    }
}
