using System.Text.Json;
using Wms.Core.Tests.Tracking.FakeMlflow;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Cli.Tests.Gate;

/// <summary>The pipeline's train, gate and promote steps with MLFLOW_TRACKING_URI set (the in-test MLflow 2.17 server).</summary>
public sealed class MlflowTrainGateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Train_gate_promote_and_gate_again_against_MLflow()
    {
        await using var server = await FakeMlflowServer.StartAsync();
        using var temp = new TempDirectory("wms-mlflow-gate");
        TestImages.CreateDataset(temp.Path, 12, 48, 40);
        var outputs = temp.Combine("github_output");
        var settings = new Dictionary<string, string?>
        {
            ["MLFLOW_TRACKING_URI"] = server.BaseUri.AbsoluteUri,
            ["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0",
            ["GITHUB_OUTPUT"] = outputs,
        };
        async Task<string> TrainAsync()
        {
            var train = await CliRunner.RunAsync(temp.Path, ["train", "--data", "data", "--image-size", "32", "--epochs", "1", "--threads", "1", "--out", "runs", "--format", "json"],
                settings, cancellationToken: Ct);
            Assert.True(train.ExitCode == ExitCodes.Success, train.ToString());
            return JsonDocument.Parse(train.Stdout).RootElement.GetProperty("run_id").GetString()!;
        }

        var first = await TrainAsync();
        var gate = await CliRunner.RunAsync(temp.Path, ["gate", "--run", first, "--mask-size", "64"], settings, cancellationToken: Ct);
        Assert.True(gate.ExitCode == ExitCodes.Success, gate.ToString());
        var promote = await CliRunner.RunAsync(temp.Path, ["promote", "--run", first], settings, cancellationToken: Ct);
        Assert.True(promote.ExitCode == ExitCodes.Success, promote.ToString());

        var second = await TrainAsync();
        var again = await CliRunner.RunAsync(temp.Path, ["gate", "--run", second, "--mask-size", "64", "--format", "json"], settings, cancellationToken: Ct);

        Assert.True(again.ExitCode is ExitCodes.Success or ExitCodes.GateNotImproved, again.ToString());
        var json = JsonDocument.Parse(again.Stdout).RootElement;
        Assert.Equal(first, json.GetProperty("baseline").GetProperty("run_id").GetString());
        Assert.Equal(1, json.GetProperty("baseline").GetProperty("version").GetInt32());
        Assert.InRange(json.GetProperty("baseline").GetProperty("dice").GetDouble(), 0, 1);
        var lines = File.ReadAllLines(outputs);
        Assert.Equal([$"run_id={first}", "improved=true"], lines.Take(2));
        Assert.Contains("model_version=1", lines);
        Assert.Equal($"run_id={second}", lines.Last(l => l.StartsWith("run_id=", StringComparison.Ordinal) && l != $"run_id={first}"));
    }
}
