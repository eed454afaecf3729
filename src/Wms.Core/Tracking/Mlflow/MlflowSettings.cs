namespace Wms.Core.Tracking.Mlflow;

/// <summary>How to reach one MLflow server and how patiently.</summary>
internal sealed record MlflowSettings(
    Uri BaseUri,
    string? Username,
    string? Password,
    string? Token,
    int MaxRetries,
    TimeSpan BackoffFactor,
    TimeSpan BackoffJitter,
    TimeSpan Timeout)
{
    /// <summary>No single wait longer than this, whatever Retry-After or the backoff say.</summary>
    public static readonly TimeSpan MaxDelay = TimeSpan.FromSeconds(60);

    /// <summary>The settings in <paramref name="options"/>; InvalidInput when the URI is not an http(s) URL.</summary>
    public static MlflowSettings From(TrackingOptions options)
    {
        var text = options.MlflowTrackingUri?.Trim() ?? "";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            throw new WmsException($"MLFLOW_TRACKING_URI '{text}' is not an http(s) URL of an MLflow server (file and database URIs are not supported; unset it to use the embedded store)");
        return new MlflowSettings(uri, Blank(options.MlflowUsername), Blank(options.MlflowPassword), Blank(options.MlflowToken),
            Math.Max(0, options.MaxRetries), TimeSpan.FromSeconds(Math.Max(0, options.BackoffFactorSeconds)),
            TimeSpan.FromSeconds(Math.Max(0, options.BackoffJitterSeconds)), TimeSpan.FromSeconds(options.TimeoutSeconds > 0 ? options.TimeoutSeconds : 120));
    }

    /// <summary>The base URL without credentials, for messages.</summary>
    public string DisplayUrl => new UriBuilder(BaseUri) { UserName = "", Password = "" }.Uri.AbsoluteUri.TrimEnd('/');

    private static string? Blank(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
