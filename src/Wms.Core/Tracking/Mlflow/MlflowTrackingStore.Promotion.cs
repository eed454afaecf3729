using Wms.Core.Registry;
using Wms.Core.Tracking.Mlflow.Wire;

namespace Wms.Core.Tracking.Mlflow;

public sealed partial class MlflowTrackingStore
{
    /// <inheritdoc />
    /// <remarks>
    /// MLflow has no transactions, so the order matters: tags, alias <c>previous</c>, then one
    /// transition-stage with archive_existing_versions (the server archives every other Production
    /// version in the same step, so there is never more or less than one Production version), then
    /// alias <c>production</c>.
    /// A rerun after a crash finds the alias still on the old version and completes the rest.
    /// Afterwards the Production stage is read back: when a concurrent promotion won the race, the
    /// alias follows the stage, so all of them end on the same version.
    /// </remarks>
    public async Task<ProductionChange> PromoteAsync(string name, int version, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        foreach (var key in tags?.Keys ?? []) TrackingKeys.Validate("tag", key);
        var target = await GetModelVersionAsync(name, version, cancellationToken);
        var versions = await ListModelVersionsAsync(name, cancellationToken);
        var aliasHolder = versions.FirstOrDefault(v => v.Aliases.Contains(RegistryNames.ProductionAlias))?.Version;
        var inProduction = versions.Where(v => v.Stage == ModelStage.Production).Select(v => v.Version).ToList();
        if (aliasHolder == version && inProduction.SequenceEqual([version]))
            return new ProductionChange(target, null, Changed: false);

        var previous = aliasHolder is { } a && a != version ? a : inProduction.Where(v => v != version).Cast<int?>().FirstOrDefault();
        foreach (var (key, value) in tags ?? new Dictionary<string, string>())
            await SetModelVersionTagAsync(name, version, key, value, cancellationToken);
        if (previous is { } p)
            await SetAliasAsync(name, RegistryNames.PreviousAlias, p, cancellationToken);
        await TransitionStageAsync(name, version, ModelStage.Production, archiveExistingVersions: true, cancellationToken);
        await SetAliasAsync(name, RegistryNames.ProductionAlias, version, cancellationToken);
        // The alias holder may have been in another stage (moved by hand); it is retired all the same.
        if (previous is { } old && versions.First(v => v.Version == old).Stage is not (ModelStage.Archived or ModelStage.Production))
            await TransitionStageAsync(name, old, ModelStage.Archived, cancellationToken: cancellationToken);

        await AlignProductionAliasAsync(name, cancellationToken);

        return new ProductionChange(await GetModelVersionAsync(name, version, cancellationToken),
            previous is { } q ? await GetModelVersionAsync(name, q, cancellationToken) : null, Changed: true);
    }

    /// <summary>
    /// Points alias production at the version in stage Production until a read-back agrees. Whoever
    /// writes the alias last reads after writing, so concurrent promotions end on one version.
    /// </summary>
    private async Task AlignProductionAliasAsync(string name, CancellationToken cancellationToken)
    {
        for (var round = 0; round < 10; round++)
        {
            var versions = await ListModelVersionsAsync(name, cancellationToken);
            var winner = versions.Where(v => v.Stage == ModelStage.Production).MaxBy(v => v.Version);
            if (winner is null || winner.Aliases.Contains(RegistryNames.ProductionAlias)) return;
            await SetAliasAsync(name, RegistryNames.ProductionAlias, winner.Version, cancellationToken);
        }
    }

    /// <inheritdoc />
    public async Task<string> DownloadModelVersionAsync(string name, int version, string localDirectory, CancellationToken cancellationToken = default)
    {
        var model = await GetModelVersionAsync(name, version, cancellationToken);
        var proxyPath = await ModelProxyPathAsync(model, cancellationToken);
        var files = await ListProxyTreeAsync(proxyPath, cancellationToken);
        if (files.Count == 0)
            throw WmsException.NotFound($"the files of model '{name}' version {version} are missing at {model.Source} ({Location})");
        return await LocalFiles.ReplaceDirectoryAsync(localDirectory, temp => DownloadTreeAsync(proxyPath, files, temp, cancellationToken));
    }

    private async Task<string> ModelProxyPathAsync(ModelVersion model, CancellationToken cancellationToken)
    {
        var what = $"model '{model.Name}' version {model.Version}";
        if (model.Source.StartsWith("runs:/", StringComparison.Ordinal) && model.RunId is { } runId)
        {
            var root = await RunProxyPathAsync(runId, cancellationToken);
            return ArtifactLocations.Combine(root, model.ArtifactPath ?? "");
        }
        if (model.Source.StartsWith("mlflow-artifacts:", StringComparison.Ordinal))
            return ArtifactLocations.ProxyPath(model.Source, Http.Server, what);
        // Other sources (models:/, a registry-side copy): ask the server where the files are.
        var reply = await Http.GetAsync("model-versions/get-download-uri", cancellationToken, ("name", model.Name), ("version", MlflowMapping.Text(model.Version)));
        return ArtifactLocations.ProxyPath(reply.Read(Json.DownloadUriResponse).ArtifactUri, Http.Server, what);
    }
}
