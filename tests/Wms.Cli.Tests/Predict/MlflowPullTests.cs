using Wms.Core.Models;
using Wms.Core.Tests.Tracking.FakeMlflow;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Mlflow;
using Xunit;

namespace Wms.Cli.Tests.Predict;

/// <summary>`wms model pull` and `wms predict` with MLFLOW_TRACKING_URI set: the registry is an MLflow 2.17 server (the in-test one on Kestrel).</summary>
public sealed class MlflowPullTests(PredictModels models) : IDisposable
{
    private readonly PredictWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task The_production_model_is_pulled_from_MLflow_and_predicts_offline()
    {
        await using var server = await FakeMlflowServer.StartAsync();
        using var store = new MlflowTrackingStore(new TrackingOptions { MlflowTrackingUri = server.BaseUri.AbsoluteUri, MaxRetries = 0 });
        var (runId, version) = await RegistrySeed.RegisterAsync(store, models.First.Folder, 0.9, 0.8);
        _ws.Settings["MLFLOW_TRACKING_URI"] = server.BaseUri.AbsoluteUri;

        var json = await _ws.PulledAsync();

        var cache = json["cache"]!;
        Assert.Equal((version, runId), (cache["version"]!.GetValue<int>(), cache["run_id"]!.GetValue<string>()));
        Assert.StartsWith("MLflow", cache["registry"]!.GetValue<string>());
        Assert.Equal(0.9, cache["metrics"]!["final_test_dice"]!.GetValue<double>());
        Assert.Equal(models.First.OnnxSha256, FileHash.Sha256(_ws.Combine("models", "production", "model.onnx")));

        await server.DisposeAsync();
        _ws.WritePhotos("photos_to_predict", 1);
        var offline = await _ws.RunAsync("predict");
        Assert.True(offline.ExitCode == ExitCodes.Success, offline.ToString());
    }
}
