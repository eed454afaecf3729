using Wms.Core.Registry;
using Wms.Core.Tracking.Mlflow.Wire;

namespace Wms.Core.Tracking.Mlflow;

public sealed partial class MlflowTrackingStore
{
    private static readonly TimeSpan RegistrationPollInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan RegistrationTimeout = TimeSpan.FromMinutes(5);

    /// <inheritdoc />
    public async Task<RegisteredModel> GetOrCreateRegisteredModelAsync(string name, CancellationToken cancellationToken = default)
    {
        if (await FindRegisteredModelAsync(name, cancellationToken) is { } existing) return existing;
        var reply = await Http.PostAsync("registered-models/create", new NameRequest(name), Json.NameRequest, cancellationToken);
        if (reply.HasError("RESOURCE_ALREADY_EXISTS")) return await FindRegisteredModelAsync(name, cancellationToken) ?? throw reply.ToException();
        return MlflowMapping.ToRegisteredModel(reply.Read(Json.RegisteredModelResponse).RegisteredModel);
    }

    /// <inheritdoc />
    public async Task<RegisteredModel?> FindRegisteredModelAsync(string name, CancellationToken cancellationToken = default)
    {
        var reply = await Http.GetAsync("registered-models/get", cancellationToken, ("name", name));
        return reply.IsNotFound ? null : MlflowMapping.ToRegisteredModel(reply.Read(Json.RegisteredModelResponse).RegisteredModel);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> CreateModelVersionAsync(string name, string runId, string artifactPath,
        string? description = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        var path = ArtifactPaths.Normalize(artifactPath);
        foreach (var key in tags?.Keys ?? []) TrackingKeys.Validate("tag", key);
        var run = await GetRunAsync(runId, cancellationToken);
        // Register only what is fully there: the trainer uploads the folder before this is called.
        if (path.Length == 0 || (await ListArtifactsAsync(runId, path, cancellationToken)).Count == 0)
            throw WmsException.NotFound($"run {runId} has no model artifact '{path}' to register (the folder is missing or empty; {Location})");
        await GetOrCreateRegisteredModelAsync(name, cancellationToken);

        var requestId = Guid.NewGuid().ToString("N");
        var allTags = new Dictionary<string, string>(tags ?? new Dictionary<string, string>()) { [RequestIdTag] = requestId };
        var request = new CreateModelVersionRequest(name, run.Info.ArtifactUri.TrimEnd('/') + "/" + path, runId, description, MlflowMapping.ToWire(allTags));
        ModelVersion? found = null;
        var reply = await Http.PostAsync("model-versions/create", request, Json.CreateModelVersionRequest, cancellationToken, CallSafety.UnsafeToRepeat,
            async token => (found = (await ListModelVersionsAsync(name, token))
                .FirstOrDefault(v => v.Tags.TryGetValue(RequestIdTag, out var id) && id == requestId)) is not null);
        var version = reply.AlreadyDone ? found! : MlflowMapping.ToModelVersion(reply.Read(Json.ModelVersionResponse).ModelVersion);
        return await WaitUntilReadyAsync(version, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<ModelVersion> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken = default)
    {
        var reply = await Http.GetAsync("model-versions/get", cancellationToken, ("name", name), ("version", MlflowMapping.Text(version)));
        if (reply.IsNotFound) throw WmsException.NotFound($"model '{name}' has no version {version} ({Location})");
        return MlflowMapping.ToModelVersion(reply.Read(Json.ModelVersionResponse).ModelVersion);
    }

    /// <inheritdoc />
    public async Task<ModelVersion?> FindModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default)
    {
        var reply = await Http.GetAsync("registered-models/alias", cancellationToken, ("name", name), ("alias", alias));
        // MLflow 2.17 answers a missing alias with 400 INVALID_PARAMETER_VALUE "... alias X not found.", not 404.
        if (reply.IsNotFound || (reply.HasError("INVALID_PARAMETER_VALUE") && reply.Error!.Message?.Contains("not found", StringComparison.OrdinalIgnoreCase) == true))
            return null;
        return MlflowMapping.ToModelVersion(reply.Read(Json.ModelVersionResponse).ModelVersion);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ModelVersion>> ListModelVersionsAsync(string name, CancellationToken cancellationToken = default)
    {
        var wire = new List<WireModelVersion>();
        string? pageToken = null;
        do
        {
            var reply = await Http.GetAsync("model-versions/search", cancellationToken,
                ("filter", name.Contains('\'', StringComparison.Ordinal) ? $"name=\"{name}\"" : $"name='{name}'"), ("max_results", "1000"), ("page_token", pageToken));
            var page = reply.Read(Json.SearchModelVersionsResponse);
            wire.AddRange(page.ModelVersions ?? []);
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken));
        if (wire.Count == 0) return [];
        // model-versions/search leaves aliases out (MLflow 2.x); the registered model has them.
        var aliases = (await FindRegisteredModelAsync(name, cancellationToken))?.Aliases ?? new Dictionary<string, int>();
        return wire.Select(v => MlflowMapping.ToModelVersion(v, aliases
                .Where(a => a.Value == MlflowMapping.ParseVersion(v.Version)).Select(a => a.Key).Order(StringComparer.Ordinal).ToList()))
            .OrderByDescending(v => v.Version).ToList();
    }

    /// <inheritdoc />
    public async Task<ModelVersion> TransitionStageAsync(string name, int version, ModelStage stage,
        bool archiveExistingVersions = false, CancellationToken cancellationToken = default)
    {
        var request = new TransitionStageRequest(name, MlflowMapping.Text(version), RegistryText.Stage(stage), archiveExistingVersions);
        var reply = await Http.PostAsync("model-versions/transition-stage", request, Json.TransitionStageRequest, cancellationToken);
        if (reply.IsNotFound) throw WmsException.NotFound($"model '{name}' has no version {version} ({Location})");
        return MlflowMapping.ToModelVersion(reply.Read(Json.ModelVersionResponse).ModelVersion);
    }

    /// <inheritdoc />
    public async Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken = default)
    {
        RegistryText.ValidateAlias(alias);
        var reply = await Http.PostAsync("registered-models/alias", new SetAliasRequest(name, alias, MlflowMapping.Text(version)), Json.SetAliasRequest, cancellationToken);
        if (reply.IsNotFound) throw WmsException.NotFound($"model '{name}' has no version {version} ({Location})");
        reply.EnsureSuccess();
    }

    /// <inheritdoc />
    public async Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken = default)
    {
        var reply = await Http.SendJsonAsync(HttpMethod.Delete, "registered-models/alias", new DeleteAliasRequest(name, alias), Json.DeleteAliasRequest,
            CallSafety.Idempotent, cancellationToken);
        if (reply.IsNotFound) throw WmsException.NotFound($"registered model '{name}' not found ({Location})");
        reply.EnsureSuccess();
    }

    /// <inheritdoc />
    public async Task SetModelVersionTagAsync(string name, int version, string key, string value, CancellationToken cancellationToken = default)
    {
        TrackingKeys.Validate("tag", key);
        var request = new SetModelVersionTagRequest(name, MlflowMapping.Text(version), key, value);
        var reply = await Http.PostAsync("model-versions/set-tag", request, Json.SetModelVersionTagRequest, cancellationToken);
        if (reply.IsNotFound) throw WmsException.NotFound($"model '{name}' has no version {version} ({Location})");
        reply.EnsureSuccess();
    }

    private async Task<ModelVersion> WaitUntilReadyAsync(ModelVersion version, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + RegistrationTimeout;
        while (version.Status == ModelVersionStatus.PendingRegistration && _time.GetUtcNow() < deadline)
        {
            await Task.Delay(RegistrationPollInterval, _time, cancellationToken);
            version = await GetModelVersionAsync(version.Name, version.Version, cancellationToken);
        }
        return version.Status switch
        {
            ModelVersionStatus.Ready => version,
            ModelVersionStatus.FailedRegistration => throw new WmsException(
                $"MLflow could not register version {version.Version} of '{version.Name}' (FAILED_REGISTRATION; {Location})", WmsErrorKind.DependencyUnavailable),
            _ => throw new WmsException(
                $"version {version.Version} of '{version.Name}' was still PENDING_REGISTRATION after {RegistrationTimeout.TotalMinutes:0} minutes ({Location})", WmsErrorKind.DependencyUnavailable),
        };
    }
}
