using System.Diagnostics.Metrics;
using Prometheus;

namespace Wms.Serving.Observability;

/// <summary>
/// Exports ASP.NET Core's own HTTP server instruments under their OpenTelemetry/Prometheus names
/// (<c>http_server_request_duration_seconds</c>, <c>http_server_active_requests</c>), the names the
/// OTel Prometheus exporter would give them. prometheus-net's generic meter adapter would prefix the
/// meter name and drop the unit; this listens to this app's meters only (test hosts share a process).
/// </summary>
internal sealed class HttpServerMetrics : IDisposable
{
    private const string HostingMeter = "Microsoft.AspNetCore.Hosting";
    private const string DurationInstrument = "http.server.request.duration";
    private const string ActiveInstrument = "http.server.active_requests";

    /// <summary>OpenTelemetry's HTTP semantic-convention buckets, as ASP.NET Core advises for this instrument.</summary>
    private static readonly double[] Buckets = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10];

    private readonly MeterListener _listener;
    private readonly Histogram _duration;
    private readonly Gauge _active;

    public HttpServerMetrics(CollectorRegistry registry, IMeterFactory meterFactory)
    {
        var factory = Metrics.WithCustomRegistry(registry);
        _duration = factory.CreateHistogram("http_server_request_duration_seconds", "Duration of HTTP server requests.",
            ["http_request_method", "http_route", "http_response_status_code"], new HistogramConfiguration { Buckets = Buckets });
        _active = factory.CreateGauge("http_server_active_requests", "HTTP server requests in flight.", "http_request_method");

        _listener = new MeterListener
        {
            InstrumentPublished = (instrument, listener) =>
            {
                if (ReferenceEquals(instrument.Meter.Scope, meterFactory) && instrument.Meter.Name == HostingMeter
                    && instrument.Name is DurationInstrument or ActiveInstrument)
                    listener.EnableMeasurementEvents(instrument);
            },
        };
        _listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) =>
            _duration.WithLabels(Tag(tags, "http.request.method"), Tag(tags, "http.route"), Tag(tags, "http.response.status_code")).Observe(value));
        _listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
            _active.WithLabels(Tag(tags, "http.request.method")).Inc(value));
        _listener.Start();
    }

    private static string Tag(ReadOnlySpan<KeyValuePair<string, object?>> tags, string name)
    {
        foreach (var tag in tags)
            if (tag.Key == name) return Convert.ToString(tag.Value, System.Globalization.CultureInfo.InvariantCulture) ?? "";
        return "";
    }

    public void Dispose() => _listener.Dispose();
}
