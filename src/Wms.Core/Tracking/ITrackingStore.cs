namespace Wms.Core.Tracking;

/// <summary>
/// Experiment tracking: experiments, runs, params, metrics, tags and artifacts. Two backends
/// implement it (and <see cref="Registry.IModelRegistry"/>): the embedded SQLite store under
/// <c>.wms/</c> and an MLflow 2.x server over REST; <see cref="TrackingServiceCollectionExtensions.AddWmsTracking"/>
/// picks one from configuration. Failures are <see cref="WmsException"/>s: NotFound for an unknown
/// run or artifact, InvalidInput for a rejected value, DependencyUnavailable when MLflow cannot be
/// reached (after retries).
/// </summary>
public interface ITrackingStore
{
    /// <summary>Where the data lives, for messages: "embedded store at /x/.wms" or "MLflow at http://...".</summary>
    string Location { get; }

    /// <summary>The experiment named <paramref name="name"/>, created when missing (safe to race).</summary>
    Task<Experiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>The experiment named <paramref name="name"/>, or null.</summary>
    Task<Experiment?> FindExperimentAsync(string name, CancellationToken cancellationToken = default);

    /// <summary>Starts a run (status RUNNING, start time now) in an experiment.</summary>
    /// <param name="experimentId">From <see cref="GetOrCreateExperimentAsync"/>.</param>
    /// <param name="runName">Human name; the store makes one up when null.</param>
    /// <param name="tags">Initial tags (e.g. <c>mlflow.source.git.commit</c>).</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    Task<RunInfo> CreateRunAsync(string experimentId, string? runName = null,
        IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default);

    /// <summary>The run with its latest metrics, params and tags. NotFound when unknown.</summary>
    Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default);

    /// <summary>The runs of an experiment, newest (latest start) first.</summary>
    Task<IReadOnlyList<Run>> SearchRunsAsync(string experimentId, int maxResults = 100, CancellationToken cancellationToken = default);

    /// <summary>
    /// Ends a run: status FINISHED, FAILED or KILLED and end time now. Pass
    /// <see cref="CancellationToken.None"/> when ending because of a cancellation.
    /// </summary>
    Task EndRunAsync(string runId, RunStatus status, CancellationToken cancellationToken = default);

    /// <summary>
    /// Logs metrics (appended to their history), params (immutable: the same value again is fine,
    /// another value is InvalidInput) and tags (overwritten). Any number of items: the MLflow
    /// backend splits them into log-batch requests within the server's limits. Logging the very
    /// same metric (key, value, step, timestamp) twice stores it once, so retries are safe.
    /// </summary>
    Task LogBatchAsync(string runId, IReadOnlyList<Metric>? metrics = null,
        IReadOnlyDictionary<string, string>? parameters = null, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default);

    /// <summary>Sets (overwrites) one run tag.</summary>
    Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default);

    /// <summary>Every logged value of one metric, by step then timestamp. Empty when never logged.</summary>
    Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default);

    /// <summary>Uploads one file to <c>artifactDirectory/&lt;file name&gt;</c> (the root when null), like mlflow.log_artifact.</summary>
    Task LogArtifactAsync(string runId, string localFile, string? artifactDirectory = null, CancellationToken cancellationToken = default);

    /// <summary>Uploads a folder's content (recursively) under <paramref name="artifactDirectory"/>, like mlflow.log_artifacts.</summary>
    Task LogArtifactsAsync(string runId, string localDirectory, string? artifactDirectory = null, CancellationToken cancellationToken = default);

    /// <summary>The direct children of an artifact folder (the root when null). Empty for a missing folder or a file.</summary>
    Task<IReadOnlyList<ArtifactEntry>> ListArtifactsAsync(string runId, string? path = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Downloads an artifact into <paramref name="localDirectory"/> (created when missing): a file
    /// lands as <c>localDirectory/&lt;file name&gt;</c>, a folder's content recursively in
    /// <c>localDirectory</c>. Returns the local path of the file or folder. Every file is written to a
    /// temporary name first, so none is ever half-written. NotFound when the artifact does not exist.
    /// </summary>
    Task<string> DownloadArtifactsAsync(string runId, string artifactPath, string localDirectory, CancellationToken cancellationToken = default);

    /// <summary>
    /// Records a logged model (MLflow <c>runs/log-model</c>): <paramref name="modelJson"/> is the MLmodel
    /// as a JSON object with at least <c>run_id</c>, <c>artifact_path</c>, <c>utc_time_created</c> and
    /// <c>flavors</c>. It is appended to the run tag <c>mlflow.log-model.history</c>. Upload the model
    /// folder first.
    /// </summary>
    Task LogModelAsync(string runId, string modelJson, CancellationToken cancellationToken = default);
}
