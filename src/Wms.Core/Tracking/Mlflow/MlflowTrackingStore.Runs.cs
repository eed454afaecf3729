using Wms.Core.Tracking.Mlflow.Wire;

namespace Wms.Core.Tracking.Mlflow;

public sealed partial class MlflowTrackingStore
{
    private static MlflowJsonContext Json => MlflowJsonContext.Default;

    /// <inheritdoc />
    public async Task<Experiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await FindExperimentAsync(name, cancellationToken) is { } existing) return existing;
        // Repeating a create is harmless here: a second one answers RESOURCE_ALREADY_EXISTS and we read it back.
        var reply = await Http.PostAsync("experiments/create", new CreateExperimentRequest(name, null), Json.CreateExperimentRequest, cancellationToken);
        if (!reply.HasError("RESOURCE_ALREADY_EXISTS")) reply.EnsureSuccess();
        return await FindExperimentAsync(name, cancellationToken)
            ?? throw new WmsException($"experiment '{name}' exists in {Location} but is deleted; restore it in the MLflow UI or choose another name", WmsErrorKind.Conflict);
    }

    /// <inheritdoc />
    public async Task<Experiment?> FindExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        var reply = await Http.GetAsync("experiments/get-by-name", cancellationToken, ("experiment_name", name));
        if (reply.IsNotFound) return null;
        var experiment = reply.Read(Json.ExperimentResponse).Experiment;
        return experiment.LifecycleStage == "deleted" ? null : MlflowMapping.ToExperiment(experiment);
    }

    /// <inheritdoc />
    public async Task<RunInfo> CreateRunAsync(string experimentId, string? runName = null,
        IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        foreach (var key in tags?.Keys ?? []) TrackingKeys.Validate("tag", key);
        var requestId = Guid.NewGuid().ToString("N");
        var allTags = new Dictionary<string, string>(tags ?? new Dictionary<string, string>()) { [RequestIdTag] = requestId };
        var request = new CreateRunRequest(experimentId, string.IsNullOrWhiteSpace(runName) ? null : runName, Now(), MlflowMapping.ToWire(allTags));
        RunInfo? found = null;
        var reply = await Http.PostAsync("runs/create", request, Json.CreateRunRequest, cancellationToken, CallSafety.UnsafeToRepeat,
            async token => (found = await FindCreatedRunAsync(experimentId, requestId, token)) is not null);
        return reply.AlreadyDone ? found! : MlflowMapping.ToRunInfo(reply.Read(Json.RunResponse).Run.Info);
    }

    /// <inheritdoc />
    public async Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default)
    {
        var reply = await Http.GetAsync("runs/get", cancellationToken, ("run_id", runId));
        if (reply.IsNotFound) throw WmsException.NotFound($"run {runId} not found ({Location})");
        var run = MlflowMapping.ToRun(reply.Read(Json.RunResponse).Run);
        _artifactUris.TryAdd(runId, run.Info.ArtifactUri);
        return run;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Run>> SearchRunsAsync(string experimentId, int maxResults = 100, CancellationToken cancellationToken = default)
    {
        var runs = new List<Run>();
        string? pageToken = null;
        do
        {
            var request = new SearchRunsRequest([experimentId], Math.Min(1000, maxResults - runs.Count), ["attributes.start_time DESC"], pageToken);
            var page = (await Http.PostAsync("runs/search", request, Json.SearchRunsRequest, cancellationToken)).Read(Json.SearchRunsResponse);
            runs.AddRange((page.Runs ?? []).Select(MlflowMapping.ToRun));
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken) && runs.Count < maxResults);
        return runs;
    }

    /// <inheritdoc />
    public async Task EndRunAsync(string runId, RunStatus status, CancellationToken cancellationToken = default)
    {
        var reply = await Http.PostAsync("runs/update", new UpdateRunRequest(runId, MlflowMapping.StatusName(status), Now()), Json.UpdateRunRequest, cancellationToken);
        if (reply.IsNotFound) throw WmsException.NotFound($"run {runId} not found ({Location})");
        reply.EnsureSuccess();
    }

    /// <inheritdoc />
    public async Task LogBatchAsync(string runId, IReadOnlyList<Metric>? metrics = null,
        IReadOnlyDictionary<string, string>? parameters = null, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        foreach (var m in metrics ?? []) TrackingKeys.Validate("metric", m.Key);
        foreach (var key in parameters?.Keys ?? []) TrackingKeys.Validate("param", key);
        foreach (var key in tags?.Keys ?? []) TrackingKeys.Validate("tag", key);
        var wireMetrics = (metrics ?? []).Select(MlflowMapping.ToWire).ToList();
        // Metrics carry their own timestamps, so a retried batch re-sends identical rows, which MLflow stores once.
        foreach (var chunk in LogBatchChunks.Split(runId, wireMetrics, MlflowMapping.ToWire(parameters), MlflowMapping.ToWire(tags)))
        {
            var reply = await Http.PostAsync("runs/log-batch", chunk, Json.LogBatchRequest, cancellationToken);
            if (reply.IsNotFound) throw WmsException.NotFound($"run {runId} not found ({Location})");
            reply.EnsureSuccess();
        }
    }

    /// <inheritdoc />
    public async Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default)
    {
        TrackingKeys.Validate("tag", key);
        var reply = await Http.PostAsync("runs/set-tag", new SetTagRequest(runId, key, value), Json.SetTagRequest, cancellationToken);
        if (reply.IsNotFound) throw WmsException.NotFound($"run {runId} not found ({Location})");
        reply.EnsureSuccess();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default)
    {
        var metrics = new List<Metric>();
        string? pageToken = null;
        do
        {
            var reply = await Http.GetAsync("metrics/get-history", cancellationToken, ("run_id", runId), ("metric_key", key), ("page_token", pageToken));
            if (reply.IsNotFound) throw WmsException.NotFound($"run {runId} not found ({Location})");
            var page = reply.Read(Json.MetricHistoryResponse);
            metrics.AddRange((page.Metrics ?? []).Select(MlflowMapping.ToMetric));
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken));
        return metrics.OrderBy(m => m.Step).ThenBy(m => m.Timestamp).ToList();
    }

    /// <inheritdoc />
    public async Task LogModelAsync(string runId, string modelJson, CancellationToken cancellationToken = default)
    {
        ModelJson.Validate(modelJson);
        // REVIEW: log-model appends to a history tag, so a retry after a lost answer may list the model twice
        // (same model_uuid); readers dedupe by uuid. Worth it: losing the record is worse.
        var reply = await Http.PostAsync("runs/log-model", new LogModelRequest(runId, modelJson), Json.LogModelRequest, cancellationToken);
        if (reply.IsNotFound) throw WmsException.NotFound($"run {runId} not found ({Location})");
        reply.EnsureSuccess();
    }

    /// <summary>After an unclear runs/create: the run carrying our request id, among the experiment's newest.</summary>
    private async Task<RunInfo?> FindCreatedRunAsync(string experimentId, string requestId, CancellationToken cancellationToken)
    {
        var runs = await SearchRunsAsync(experimentId, 50, cancellationToken);
        return runs.FirstOrDefault(r => r.Tags.TryGetValue(RequestIdTag, out var id) && id == requestId)?.Info;
    }
}
