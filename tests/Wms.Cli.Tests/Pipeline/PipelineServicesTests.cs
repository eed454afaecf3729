using Wms.Core.Dvc;
using Wms.Core.Dvc.Storage;
using Wms.Core.Registry;
using Wms.Core.Tests.Tracking.FakeMlflow;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Mlflow;
using Wms.Tests.Shared;
using Xunit;
using static Wms.Cli.Tests.Pipeline.PipelineWorkspace;

namespace Wms.Cli.Tests.Pipeline;

/// <summary>The same command with MLFLOW_TRACKING_URI set and an S3 DVC remote: the run, the registry and the data go there.</summary>
public sealed class PipelineServicesTests : IDisposable
{
    private readonly PipelineWorkspace _ws = new();

    public void Dispose() => _ws.Dispose();

    [Fact]
    public async Task With_MLflow_and_an_S3_remote_configured_it_tracks_and_promotes_in_MLflow_and_pushes_the_data_to_S3()
    {
        var endpoint = S3TestServer.Require();
        var bucket = S3TestServer.NewBucketName();
        await using var mlflow = await FakeMlflowServer.StartAsync();
        _ws.Settings["MLFLOW_TRACKING_URI"] = mlflow.BaseUri.AbsoluteUri;
        _ws.Settings["MLFLOW_HTTP_REQUEST_MAX_RETRIES"] = "0";
        _ws.Synth("data", 8, seed: 1);
        _ws.Synth("new", 8, seed: 2);
        Assert.Equal(ExitCodes.Success, (await _ws.RunAsync(["data", "init", "--remote", "s3remote", "--url", $"s3://{bucket}/dvc"])).ExitCode);
        File.AppendAllText(_ws.Combine(".dvc", "config"), $"    endpointurl = {endpoint}\n");
        File.WriteAllText(_ws.Combine(".dvc", "config.local"),
            $"['remote \"s3remote\"']\n    access_key_id = {S3TestServer.AccessKey}\n    secret_access_key = {S3TestServer.SecretKey}\n");
        var remote = DvcRepository.Find(_ws.Root).Config.GetRemote(null);
        using (var client = S3ClientFactory.Create(remote))
            await client.PutBucketAsync(bucket, TestContext.Current.CancellationToken);

        var (result, summary) = await _ws.JsonAsync(Args("new", "--epochs", "1"));

        Assert.True(result.ExitCode == ExitCodes.Success, result.ToString());
        Assert.StartsWith("MLflow", (string)summary["tracking"]!);
        using var store = new MlflowTrackingStore(new TrackingOptions { MlflowTrackingUri = mlflow.BaseUri.AbsoluteUri, MaxRetries = 0 });
        var production = await store.FindProductionVersionAsync(RegistryNames.ModelName, TestContext.Current.CancellationToken);
        Assert.Equal((string)summary["run_id"]!, production!.RunId);
        Assert.False(File.Exists(_ws.Combine(".wms", "tracking.db")), "nothing tracked in the embedded store");
        Assert.Equal("s3remote", (string)summary["data_remote"]!);
        // 16 photos + 16 masks + the two .dir manifests, all on S3 now.
        var status = await _ws.RunAsync(["data", "status", "--remote", "s3remote"]);
        Assert.True(status.ExitCode == ExitCodes.Success, status.ToString());
        using var s3 = S3ClientFactory.Create(remote);
        var listed = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket, Prefix = "dvc/" }, TestContext.Current.CancellationToken);
        Assert.Equal(34, listed.S3Objects.Count);
    }
}
