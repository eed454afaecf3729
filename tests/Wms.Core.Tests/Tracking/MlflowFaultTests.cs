using System.Text.Json.Nodes;
using Wms.Core.Registry;
using Wms.Core.Tests.Tracking.FakeMlflow;
using Wms.Core.Tracking;
using Wms.Core.Tracking.Mlflow;
using Wms.Tests.Shared;
using Xunit;

namespace Wms.Core.Tests.Tracking;

/// <summary>How the MLflow backend behaves when the server is slow, overloaded, down or strict.</summary>
public sealed class MlflowFaultTests : IAsyncLifetime
{
    private FakeMlflowServer _server = null!;
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _server = await FakeMlflowServer.StartAsync();

    public async ValueTask DisposeAsync() => await _server.DisposeAsync();

    private MlflowTrackingStore Client(int maxRetries = 3, Action<TrackingOptions>? configure = null)
    {
        var options = MlflowTestOptions.For(_server.BaseUri, maxRetries);
        configure?.Invoke(options);
        return new MlflowTrackingStore(options);
    }

    [Fact]
    public async Task Two_503s_then_success_is_retried_transparently()
    {
        using var client = Client();
        _server.AddFault(new FakeFault("experiments/get-by-name", 503, times: 2));
        Assert.Null(await client.FindExperimentAsync("exp", Cancel));
        Assert.Equal([503, 503, 404], _server.RequestsTo("experiments/get-by-name").Select(r => r.Status));
    }

    [Fact]
    public async Task A_server_that_keeps_failing_gives_a_clear_error_naming_the_url_after_the_retries()
    {
        using var client = Client(maxRetries: 2);
        _server.AddFault(new FakeFault("runs/get", 503, times: int.MaxValue));
        var error = await Assert.ThrowsAsync<WmsException>(() => client.GetRunAsync("0123456789abcdef0123456789abcdef", Cancel));
        Assert.Equal(WmsErrorKind.DependencyUnavailable, error.Kind);
        Assert.Contains(_server.BaseUri.AbsoluteUri.TrimEnd('/'), error.Message);
        Assert.Contains("3 attempt", error.Message);
        Assert.Contains("503", error.Message);
        Assert.Equal(3, _server.RequestsTo("runs/get").Count);
    }

    [Fact]
    public async Task A_429_waits_for_Retry_After()
    {
        using var client = Client();
        _server.AddFault(new FakeFault("experiments/get-by-name", 429, times: 1, retryAfter: TimeSpan.FromSeconds(1)));
        await client.FindExperimentAsync("exp", Cancel);
        var requests = _server.RequestsTo("experiments/get-by-name");
        Assert.Equal([429, 404], requests.Select(r => r.Status));
        Assert.True(requests[1].At - requests[0].At >= TimeSpan.FromMilliseconds(900), $"retried after {(requests[1].At - requests[0].At).TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_run_create_that_took_effect_before_a_503_is_not_created_twice()
    {
        using var client = Client();
        var experiment = await client.GetOrCreateExperimentAsync("exp", Cancel);
        _server.AddFault(new FakeFault("runs/create", 503, times: 1, afterProcessing: true));
        var run = await client.CreateRunAsync(experiment.ExperimentId, "once", cancellationToken: Cancel);
        Assert.Equal(run.RunId, Assert.Single(_server.Read(s => s.Runs.Keys.ToList())));
        Assert.Single(_server.RequestsTo("runs/create"));
    }

    [Theory]
    [InlineData("experiments/create")]
    [InlineData("registered-models/create")]
    public async Task A_create_repeated_after_a_lost_answer_takes_already_exists_as_success(string endpoint)
    {
        using var client = Client();
        _server.AddFault(new FakeFault(endpoint, 502, times: 1, afterProcessing: true));
        if (endpoint.StartsWith("experiments", StringComparison.Ordinal))
            Assert.Equal("exp", (await client.GetOrCreateExperimentAsync("exp", Cancel)).Name);
        else
            Assert.Equal("model", (await client.GetOrCreateRegisteredModelAsync("model", Cancel)).Name);
        // The repeat met RESOURCE_ALREADY_EXISTS (400), and the call still succeeded with the one entity.
        Assert.Equal([502, 400], _server.RequestsTo(endpoint).Select(r => r.Status));
    }

    [Fact]
    public async Task A_run_create_rejected_with_a_503_is_sent_again()
    {
        using var client = Client();
        var experiment = await client.GetOrCreateExperimentAsync("exp", Cancel);
        _server.AddFault(new FakeFault("runs/create", 503, times: 2));
        var run = await client.CreateRunAsync(experiment.ExperimentId, "after-two-503s", cancellationToken: Cancel);
        Assert.Equal(run.RunId, Assert.Single(_server.Read(s => s.Runs.Keys.ToList())));
        Assert.Equal([503, 503, 200], _server.RequestsTo("runs/create").Select(r => r.Status));
    }

    [Fact]
    public async Task A_model_version_create_that_took_effect_before_a_timeout_is_not_registered_twice()
    {
        using var client = Client();
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        _server.AddFault(new FakeFault("model-versions/create", 504, times: 1, afterProcessing: true));
        var version = await client.CreateModelVersionAsync("model", run.RunId, "model", cancellationToken: Cancel);
        Assert.Equal(1, version.Version);
        Assert.Single(await client.ListModelVersionsAsync("model", Cancel));
    }

    [Fact]
    public async Task Nothing_is_registered_when_the_server_fails_before_the_version_exists()
    {
        using var client = Client(maxRetries: 1);
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        _server.AddFault(new FakeFault("model-versions/create", 503, times: int.MaxValue));
        var error = await Assert.ThrowsAsync<WmsException>(() => client.CreateModelVersionAsync("model", run.RunId, "model", cancellationToken: Cancel));
        Assert.Equal(WmsErrorKind.DependencyUnavailable, error.Kind);
        Assert.Empty(await client.ListModelVersionsAsync("model", Cancel));
    }

    [Fact]
    public async Task A_server_that_is_down_is_reported_with_its_url()
    {
        var port = LoopbackPorts.Free();
        using var client = new MlflowTrackingStore(MlflowTestOptions.For(new Uri($"http://127.0.0.1:{port}"), maxRetries: 1));
        var error = await Assert.ThrowsAsync<WmsException>(() => client.FindExperimentAsync("exp", Cancel));
        Assert.Equal(WmsErrorKind.DependencyUnavailable, error.Kind);
        Assert.Contains($"http://127.0.0.1:{port}", error.Message);
    }

    [Fact]
    public async Task A_bad_tracking_uri_is_reported_by_the_first_call_not_the_constructor()
    {
        using var client = new MlflowTrackingStore(new TrackingOptions { MlflowTrackingUri = "file:./mlruns" });
        var error = await Assert.ThrowsAsync<WmsException>(() => client.FindExperimentAsync("exp", Cancel));
        Assert.Equal(WmsErrorKind.InvalidInput, error.Kind);
        Assert.Contains("MLFLOW_TRACKING_URI", error.Message);
    }

    [Fact]
    public async Task Basic_auth_credentials_are_sent_and_a_refusal_is_explained()
    {
        _server.BasicAuth = ("admin", "s3cret");
        using (var good = Client(configure: o => (o.MlflowUsername, o.MlflowPassword) = ("admin", "s3cret")))
            await good.GetOrCreateExperimentAsync("exp", Cancel);
        using var bad = Client(configure: o => (o.MlflowUsername, o.MlflowPassword) = ("admin", "wrong"));
        var error = await Assert.ThrowsAsync<WmsException>(() => bad.FindExperimentAsync("exp", Cancel));
        Assert.Equal(WmsErrorKind.DependencyUnavailable, error.Kind);
        Assert.Contains("401", error.Message);
        Assert.Contains("MLFLOW_TRACKING_USERNAME", error.Message);
    }

    [Fact]
    public async Task A_bearer_token_is_sent_when_no_password_is_set()
    {
        _server.BearerToken = "tok-123";
        using var client = Client(configure: o => o.MlflowToken = "tok-123");
        await client.GetOrCreateExperimentAsync("exp", Cancel);
        Assert.All(_server.Requests, r => Assert.Equal("Bearer tok-123", r.Authorization));
    }

    [Fact]
    public async Task Every_body_is_json_and_log_batches_stay_within_the_server_limits()
    {
        using var client = Client();
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        var metrics = Enumerable.Range(0, 2500).Select(i => new Metric("loss", i, i, DateTimeOffset.UtcNow)).ToList();
        var parameters = Enumerable.Range(0, 250).ToDictionary(i => $"p{i}", i => "v");
        await client.LogBatchAsync(run.RunId, metrics, parameters, cancellationToken: Cancel);

        Assert.All(_server.Requests.Where(r => r.Method is "POST" or "PATCH" or "DELETE" && r.Path.Contains("/mlflow/", StringComparison.Ordinal)),
            r => Assert.StartsWith("application/json", r.ContentType));
        var batches = _server.RequestsTo("runs/log-batch").Select(r => JsonNode.Parse(r.Body)!).ToList();
        Assert.All(batches, b =>
        {
            int Count(string key) => (b[key] as JsonArray)?.Count ?? 0;
            Assert.InRange(Count("metrics"), 0, 1000);
            Assert.InRange(Count("params"), 0, 100);
            Assert.InRange(Count("metrics") + Count("params") + Count("tags"), 1, 1000);
        });
        Assert.All(_server.RequestsTo("runs/log-batch"), r => Assert.Equal(200, r.Status));
        Assert.Equal(2500, (await client.GetMetricHistoryAsync(run.RunId, "loss", Cancel)).Count);
    }

    [Fact]
    public async Task Deleting_an_alias_sends_its_parameters_in_a_json_body()
    {
        using var client = Client();
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        await client.CreateModelVersionAsync("model", run.RunId, "model", cancellationToken: Cancel);
        await client.SetAliasAsync("model", "champion", 1, Cancel);
        await client.DeleteAliasAsync("model", "champion", Cancel);
        var delete = Assert.Single(_server.Requests, r => r.Method == "DELETE");
        Assert.Equal("/api/2.0/mlflow/registered-models/alias", delete.Path);
        Assert.Equal("champion", JsonNode.Parse(delete.Body)!["alias"]!.GetValue<string>());
        Assert.Null(await client.FindModelVersionByAliasAsync("model", "champion", Cancel));
    }

    [Fact]
    public async Task Nan_goes_out_and_comes_back_as_the_string_NaN()
    {
        using var client = Client();
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        await client.LogBatchAsync(run.RunId, [new Metric("hausdorff", double.NaN, 0, DateTimeOffset.UtcNow)], cancellationToken: Cancel);
        Assert.Contains("\"value\":\"NaN\"", _server.RequestsTo("runs/log-batch").Last().Body);
        Assert.True(double.IsNaN((await client.GetRunAsync(run.RunId, Cancel)).GetMetric("hausdorff")!.Value));
    }

    [Fact]
    public async Task A_missing_artifact_is_not_found_at_once_although_MLflow_answers_500()
    {
        using var client = Client();
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        using var temp = new TempDirectory();
        var error = await Assert.ThrowsAsync<WmsException>(() => client.DownloadArtifactsAsync(run.RunId, "model/missing.onnx", temp.Path, Cancel));
        Assert.Equal(WmsErrorKind.NotFound, error.Kind);
        Assert.Single(_server.RequestsTo("artifacts/model/missing.onnx"));
    }

    [Fact]
    public async Task The_production_alias_is_found_with_one_request()
    {
        using var client = Client();
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        await client.CreateModelVersionAsync(RegistryNames.ModelName, run.RunId, "model", cancellationToken: Cancel);
        await client.PromoteAsync(RegistryNames.ModelName, 1, cancellationToken: Cancel);
        var before = _server.Requests.Count;
        Assert.Equal(1, (await client.FindProductionVersionAsync(RegistryNames.ModelName, Cancel))!.Version);
        Assert.Equal(1, _server.Requests.Count - before);
    }

    [Fact]
    public async Task A_version_pending_registration_is_returned_once_ready()
    {
        using var client = Client();
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        _server.Read(s => s.PendingRegistrationReads = 2);
        var version = await client.CreateModelVersionAsync("model", run.RunId, "model", cancellationToken: Cancel);
        Assert.Equal(ModelVersionStatus.Ready, version.Status);
        Assert.Equal(2, _server.RequestsTo("model-versions/get").Count);
    }

    [Fact]
    public async Task A_version_registered_by_others_with_a_runs_uri_downloads_too()
    {
        using var client = Client();
        var run = await TrackingSeed.RunWithModelAsync(client, "exp", 0.8, 0.7);
        await client.GetOrCreateRegisteredModelAsync("model", Cancel);
        using var http = new HttpClient { BaseAddress = _server.BaseUri };
        var body = new JsonObject { ["name"] = "model", ["source"] = $"runs:/{run.RunId}/model", ["run_id"] = run.RunId };
        using (var response = await http.PostAsync("/api/2.0/mlflow/model-versions/create",
                   new StringContent(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json"), Cancel))
            response.EnsureSuccessStatusCode();

        var version = await client.GetModelVersionAsync("model", 1, Cancel);
        Assert.Equal("model", version.ArtifactPath);
        using var temp = new TempDirectory();
        var folder = await client.DownloadModelVersionAsync("model", 1, temp.Combine("m"), Cancel);
        Assert.True(File.Exists(Path.Combine(folder, "MLmodel")));
    }
}
