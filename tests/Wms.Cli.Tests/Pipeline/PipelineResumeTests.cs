using System.Diagnostics;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Wms.Cli.Pipeline;
using Wms.Core.Registry;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Embedded;
using Xunit;
using static Wms.Cli.Tests.Pipeline.PipelineWorkspace;

namespace Wms.Cli.Tests.Pipeline;

/// <summary>A pipeline run stopped part way (Ctrl+C, or the process killed) and the same command run again.</summary>
public sealed class PipelineResumeTests : IDisposable
{
    private readonly PipelineWorkspace _ws = new();

    public PipelineResumeTests()
    {
        _ws.Synth("data", 16, seed: 1);
        _ws.Synth("new", 16, seed: 2);
    }

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task Cancelled_after_training_the_same_command_finishes_without_merging_validating_or_training_again()
    {
        using var ctrlC = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        var stopped = await _ws.RunCancellableAsync(Args("new"), s => s.AddSingleton<IPipelineObserver>(new StopAfterStep("train", ctrlC)), ctrlC.Token);

        Assert.True(stopped.ExitCode == ExitCodes.Cancelled, stopped.ToString());
        var state = State();
        Assert.Equal(["merge", "train", "validate"], state["steps"]!.AsObject().Select(p => p.Key).Order());
        var trainedRun = (string)state["steps"]!["train"]!["result"]!["run_id"]!;
        Assert.False(Directory.Exists(_ws.Combine("models", "production")));

        var (resumed, summary) = await _ws.JsonAsync(Args("new"));

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.ToString());
        var steps = Steps(summary);
        Assert.Equal(["skipped", "skipped", "skipped"], new[] { "merge", "validate", "train" }.Select(s => steps[s]));
        Assert.Equal(["done", "done", "done", "done"], new[] { "gate", "promote", "data_version", "export" }.Select(s => steps[s]));
        Assert.Contains("[train] already done with the same inputs, skipped", resumed.Stderr);
        Assert.Equal(trainedRun, (string)summary["run_id"]!);
        Assert.Equal((16, 16, 32), ((int)summary["data"]!["existing"]!, (int)summary["data"]!["new"]!, (int)summary["data"]!["total"]!));
        Assert.Single(Directory.GetDirectories(_ws.Combine("runs")));
        Assert.True(File.Exists(_ws.Combine("models", "production", "model.onnx")));

        // Once finished, the same command redoes nothing and reports the same decision (in GitHub Actions too).
        _ws.Settings["GITHUB_OUTPUT"] = _ws.Combine("github-output");
        _ws.Settings["GITHUB_STEP_SUMMARY"] = _ws.Combine("github-summary.md");
        var (again, same) = await _ws.JsonAsync(Args("new", "--summary", "summary.md"));
        Assert.True(again.ExitCode == ExitCodes.Success, again.ToString());
        Assert.All(Steps(same).Values, status => Assert.Equal("skipped", status));
        Assert.Equal((int)summary["model_version"]!, (int)same["model_version"]!);
        var outputs = File.ReadAllLines(_ws.Combine("github-output"));
        Assert.Contains("improved=true", outputs);
        Assert.Contains($"run_id={trainedRun}", outputs);
        Assert.Contains($"model_version={(int)summary["model_version"]!}", outputs);
        Assert.Contains("| total | 32 |", File.ReadAllText(_ws.Combine("github-summary.md")));
        Assert.Equal(File.ReadAllText(_ws.Combine("github-summary.md")).Trim(), File.ReadAllText(_ws.Combine("summary.md")).Trim());
    }

    [Fact]
    public async Task Killed_while_training_the_re_run_keeps_the_merge_and_the_checks_and_completes()
    {
        using (var process = StartWms(Args("new")))
        {
            // SIGKILL as soon as training has started: its run folder exists (still .partial) and its tracked run too.
            var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(120);
            while (!Directory.Exists(_ws.Combine("runs")) || Directory.GetDirectories(_ws.Combine("runs"), "*.partial").Length == 0
                   || (await TrackedRunsAsync()).Count == 0)
            {
                if (process.HasExited)
                    Assert.Fail($"wms ended (exit {process.ExitCode}) before training started: {await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken)}{await process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken)}");
                Assert.True(DateTime.UtcNow < deadline, "training never started");
                await Task.Delay(20, TestContext.Current.CancellationToken);
            }
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        }
        Assert.Equal(["merge", "validate"], State()["steps"]!.AsObject().Select(p => p.Key).Order());
        Assert.Equal(32, _ws.Pairs("data"));

        var (resumed, summary) = await _ws.JsonAsync(Args("new"));

        Assert.True(resumed.ExitCode == ExitCodes.Success, resumed.ToString());
        var steps = Steps(summary);
        Assert.Equal(["skipped", "skipped", "done", "done"], new[] { "merge", "validate", "train", "gate" }.Select(s => steps[s]));
        Assert.Equal("promoted", (string)summary["decision"]!);
        Assert.Equal((16, 16, 32), ((int)summary["data"]!["existing"]!, (int)summary["data"]!["new"]!, (int)summary["data"]!["total"]!));
        Assert.Equal(32, _ws.Pairs("data"));
        // The killed attempt's folder is left as it was; the new attempt trained beside it.
        Assert.EndsWith("-2", (string)summary["run_directory"]!);
        Assert.Single(Directory.GetDirectories(_ws.Combine("runs"), "*.partial"));
        // The killed attempt's tracked run does not stay RUNNING.
        Assert.Equal([RunStatus.Finished, RunStatus.Killed], (await TrackedRunsAsync()).Select(r => r.Info.Status).Order());
    }

    private async Task<IReadOnlyList<Run>> TrackedRunsAsync()
    {
        if (!File.Exists(_ws.Combine(".wms", "tracking.db"))) return [];
        using var store = new SqliteTrackingStore(_ws.Combine(".wms"));
        var experiment = await store.FindExperimentAsync(RegistryNames.ModelName, TestContext.Current.CancellationToken);
        return experiment is null ? [] : await store.SearchRunsAsync(experiment.ExperimentId, cancellationToken: TestContext.Current.CancellationToken);
    }

    private JsonNode State()
    {
        var file = Assert.Single(Directory.GetFiles(_ws.Combine(".wms", "pipelines"), PipelineStateFile.FileName, SearchOption.AllDirectories));
        return JsonNode.Parse(File.ReadAllText(file))!;
    }

    private Process StartWms(string[] args)
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
        return Process.Start(info)!;
    }
}
