using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;
using Wms.Core.Registry;

namespace Wms.Core.Tracking.Mlflow;

/// <summary>
/// The MLflow backend: an MLflow 2.x server's REST API (<c>/api/2.0/mlflow/...</c>) and artifact
/// proxy (<c>/api/2.0/mlflow-artifacts/...</c>), with the behaviour recorded from MLflow 2.17.2
/// (missing alias = 400, missing artifact = 500, NaN as "NaN", JSON bodies on DELETE). Constructing
/// it does no I/O; a bad <c>MLFLOW_TRACKING_URI</c> is reported by the first call.
/// </summary>
public sealed partial class MlflowTrackingStore : ITrackingStore, IModelRegistry, IDisposable
{
    /// <summary>Tag that makes creates findable after an unclear outcome (timeout, 5xx), so they are never duplicated.</summary>
    public const string RequestIdTag = "wms.request_id";

    private readonly MlflowHttp? _http;
    private readonly WmsException? _configurationError;
    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<string, string> _artifactUris = new(StringComparer.Ordinal);

    /// <param name="options">MLFLOW_TRACKING_URI, credentials and retry settings.</param>
    /// <param name="time">Clock for run start/end times and retry waits.</param>
    /// <param name="logger">Where retries are reported.</param>
    /// <param name="handler">HTTP handler (tests); a pooled SocketsHttpHandler by default. Disposed with the store.</param>
    public MlflowTrackingStore(TrackingOptions options, TimeProvider? time = null, ILogger<MlflowTrackingStore>? logger = null, HttpMessageHandler? handler = null)
    {
        _time = time ?? TimeProvider.System;
        try
        {
            var settings = MlflowSettings.From(options);
            var client = new HttpClient(handler ?? new SocketsHttpHandler
            {
                PooledConnectionLifetime = TimeSpan.FromMinutes(5),
                ConnectTimeout = TimeSpan.FromSeconds(15),
            })
            {
                Timeout = Timeout.InfiniteTimeSpan,
            };
            _http = new MlflowHttp(client, settings, _time, logger);
            Location = $"MLflow at {settings.DisplayUrl}";
        }
        catch (WmsException e)
        {
            _configurationError = e;
            Location = $"MLflow at '{options.MlflowTrackingUri}'";
        }
    }

    /// <inheritdoc cref="ITrackingStore.Location" />
    public string Location { get; }

    /// <inheritdoc />
    public void Dispose() => _http?.Dispose();

    private MlflowHttp Http => _http ?? throw _configurationError!;

    private long Now() => Timestamps.ToMs(_time.GetUtcNow());
}
