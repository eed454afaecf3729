using Microsoft.Extensions.Configuration;

namespace Wms.Core.Tracking;

/// <summary>
/// Where runs and models are tracked. Keys are the ones MLflow users already set (environment or
/// wms.json): <c>MLFLOW_TRACKING_URI</c> set means the MLflow REST backend, unset the embedded store
/// at <c>Tracking:Root</c>, else <c>WMS_HOME</c>, else <c>.wms</c> (relative to the workspace).
/// </summary>
public sealed class TrackingOptions
{
    /// <summary>http(s) URL of an MLflow 2.x server; null or empty selects the embedded store.</summary>
    [ConfigurationKeyName("MLFLOW_TRACKING_URI")]
    public string? MlflowTrackingUri { get; set; }

    /// <summary>Basic-auth user (with <see cref="MlflowPassword"/>), as MLflow's basic-auth app expects.</summary>
    [ConfigurationKeyName("MLFLOW_TRACKING_USERNAME")]
    public string? MlflowUsername { get; set; }

    /// <summary>Basic-auth password.</summary>
    [ConfigurationKeyName("MLFLOW_TRACKING_PASSWORD")]
    public string? MlflowPassword { get; set; }

    /// <summary>Bearer token; used when no username/password is set.</summary>
    [ConfigurationKeyName("MLFLOW_TRACKING_TOKEN")]
    public string? MlflowToken { get; set; }

    /// <summary>Retries after the first attempt (429, 5xx, timeouts, refused connections).</summary>
    [ConfigurationKeyName("MLFLOW_HTTP_REQUEST_MAX_RETRIES")]
    public int MaxRetries { get; set; } = 5;

    /// <summary>Backoff base in seconds: retry n waits factor x 2^n plus jitter (capped at 30 s).</summary>
    [ConfigurationKeyName("MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR")]
    public double BackoffFactorSeconds { get; set; } = 1;

    /// <summary>Random extra wait in seconds, up to this much, so clients do not retry in lockstep.</summary>
    [ConfigurationKeyName("MLFLOW_HTTP_REQUEST_BACKOFF_JITTER")]
    public double BackoffJitterSeconds { get; set; } = 1;

    /// <summary>Per-request timeout in seconds.</summary>
    [ConfigurationKeyName("MLFLOW_HTTP_REQUEST_TIMEOUT")]
    public double TimeoutSeconds { get; set; } = 120;

    /// <summary>wms's own folder (default <c>.wms</c>); the embedded store lives there unless <see cref="Root"/> is set.</summary>
    [ConfigurationKeyName("WMS_HOME")]
    public string? Home { get; set; }

    /// <summary><c>Tracking:Root</c>: the embedded store's folder.</summary>
    [ConfigurationKeyName("Tracking:Root")]
    public string? Root { get; set; }

    /// <summary><c>Tracking:ModelName</c>: registered model name.</summary>
    [ConfigurationKeyName("Tracking:ModelName")]
    public string ModelName { get; set; } = Registry.RegistryNames.ModelName;

    /// <summary><c>Tracking:ExperimentName</c>: experiment that training logs into.</summary>
    [ConfigurationKeyName("Tracking:ExperimentName")]
    public string ExperimentName { get; set; } = Registry.RegistryNames.ModelName;

    /// <summary>True when the MLflow backend is selected.</summary>
    public bool UsesMlflow => !string.IsNullOrWhiteSpace(MlflowTrackingUri);

    /// <summary>The embedded store's folder as a full path.</summary>
    public string EmbeddedRoot(Workspace workspace) =>
        workspace.Resolve(!string.IsNullOrWhiteSpace(Root) ? Root : !string.IsNullOrWhiteSpace(Home) ? Home : ".wms");
}
