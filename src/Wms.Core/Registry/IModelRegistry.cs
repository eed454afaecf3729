namespace Wms.Core.Registry;

/// <summary>
/// The model registry: registered models, versions, stages, aliases and version tags. The same
/// backends as <see cref="Tracking.ITrackingStore"/> implement it (one object implements both).
/// Failures are <see cref="WmsException"/>s: NotFound for an unknown model, version or run,
/// DependencyUnavailable when MLflow cannot be reached.
/// </summary>
public interface IModelRegistry
{
    /// <summary>Where the data lives, for messages.</summary>
    string Location { get; }

    /// <summary>The registered model, created when missing (safe to race).</summary>
    Task<RegisteredModel> GetOrCreateRegisteredModelAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The registered model, or null.</summary>
    Task<RegisteredModel?> FindRegisteredModelAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Registers the run's artifact folder <paramref name="artifactPath"/> as a new version (stage
    /// None) and returns it once READY. The folder must already be fully uploaded: NotFound when
    /// the run is unknown or the folder is missing or empty, so nothing is ever half-registered.
    /// Creates the registered model when missing.
    /// </summary>
    Task<ModelVersion> CreateModelVersionAsync(string name, string runId, string artifactPath,
        string? description = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>One version, with its aliases. NotFound when the model or the version is unknown.</summary>
    Task<ModelVersion> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken = default);

    /// <summary>The version an alias points at, or null when the alias (or the model) does not exist. One request: cheap enough to poll.</summary>
    Task<ModelVersion?> FindModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default);

    /// <summary>Every version of a model with its aliases, newest first; empty when the model does not exist.</summary>
    Task<IReadOnlyList<ModelVersion>> ListModelVersionsAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>
    /// Moves a version to a stage. With <paramref name="archiveExistingVersions"/>, the other versions
    /// in that stage (Staging or Production) move to Archived in the same step.
    /// </summary>
    Task<ModelVersion> TransitionStageAsync(string name, int version, ModelStage stage,
        bool archiveExistingVersions = false, CancellationToken cancellationToken = default);

    /// <summary>Points <paramref name="alias"/> at a version (moving it from any other).</summary>
    Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken = default);

    /// <summary>Removes an alias; no error when it does not exist.</summary>
    Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken = default);

    /// <summary>Sets (overwrites) one version tag.</summary>
    Task SetModelVersionTagAsync(string name, int version, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>
    /// Makes <paramref name="version"/> THE Production version: stage Production and alias
    /// <c>production</c>; the version that held alias <c>production</c> (or stage Production) before
    /// gets stage Archived and alias <c>previous</c>, and any other Production version is archived,
    /// so exactly one version is Production afterwards. <paramref name="tags"/> are set on the
    /// promoted version. When the version already is the Production version nothing is written and
    /// <see cref="ProductionChange.Changed"/> is false. The embedded store does all of it in one
    /// transaction; the MLflow backend orders its requests so a crash leaves at most one Production
    /// stage and a rerun completes the rest.
    /// </summary>
    Task<ProductionChange> PromoteAsync(string name, int version, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads a version's files (the model folder) into <paramref name="localDirectory"/>. The
    /// files go to a sibling temporary folder first, which then replaces <paramref name="localDirectory"/>,
    /// so a reader never sees a half-downloaded model. Returns <paramref name="localDirectory"/> as a full path.
    /// </summary>
    Task<string> DownloadModelVersionAsync(string name, int version, string localDirectory, CancellationToken cancellationToken = default);
}
