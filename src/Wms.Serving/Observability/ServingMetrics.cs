using Microsoft.Extensions.Options;
using Prometheus;
using Wms.Serving.Inference;
using Wms.Serving.Models;

namespace Wms.Serving.Observability;

/// <summary>
/// The <c>wms_*</c> series. Names, types and the latency histogram keep the original's, so its
/// Grafana dashboard works unchanged (ECOSYSTEM.md §c.1). Each app owns its registry, so test
/// hosts in one process do not share counters.
/// </summary>
internal sealed class ServingMetrics
{
    public const string ReloadSuccess = "success";
    public const string ReloadRefused = "refused";
    public const string ReloadError = "error";

    public ServingMetrics(CollectorRegistry registry, IOptions<MetricsOptions> options)
    {
        Registry = registry;
        var factory = Metrics.WithCustomRegistry(registry);
        Predictions = factory.CreateCounter("wms_predictions_total", "Photos predicted successfully.");
        Latency = factory.CreateHistogram("wms_predict_latency_seconds",
            "Seconds from a prediction request's start to its mask (queue wait and decoding included), per successful photo.",
            new HistogramConfiguration { Buckets = options.Value.LatencyBuckets ?? MetricsOptions.DefaultLatencyBuckets });
        Errors = factory.CreateCounter("wms_predict_errors_total", "Prediction requests or photos refused or failed, by reason.", "reason");
        ModelLoaded = factory.CreateGauge("wms_model_loaded", "1 when a model is loaded and warmed up, else 0.");
        ModelInfo = factory.CreateGauge("wms_model_info", "The model being served (always 1).", "version", "run_id", "alias");
        RequestImageBytes = factory.CreateHistogram("wms_request_image_bytes", "Size of each uploaded photo, in bytes.",
            new HistogramConfiguration { Buckets = options.Value.ImageByteBuckets ?? MetricsOptions.DefaultImageByteBuckets });
        ModelReloads = factory.CreateCounter("wms_model_reloads_total",
            "Model loads by result: success (served now), refused (failed to verify, load or warm up), error (source unreachable or empty).", "result");
        QueueDepth = factory.CreateGauge("wms_inference_queue_depth", "Photos waiting for an inference worker.");
        BusyWorkers = factory.CreateGauge("wms_inference_busy_workers", "Inference workers processing a photo now.");

        // Every label value exists from the start, so rate() and alerts see zeros, not gaps.
        foreach (var error in PredictionError.All) Errors.WithLabels(error.Reason);
        foreach (var result in (string[])[ReloadSuccess, ReloadRefused, ReloadError]) ModelReloads.WithLabels(result);
    }

    public CollectorRegistry Registry { get; }
    public Counter Predictions { get; }
    public Histogram Latency { get; }
    public Counter Errors { get; }
    public Gauge ModelLoaded { get; }
    public Gauge ModelInfo { get; }
    public Histogram RequestImageBytes { get; }
    public Counter ModelReloads { get; }
    public Gauge QueueDepth { get; }
    public Gauge BusyWorkers { get; }

    public void CountError(PredictionError error) => Errors.WithLabels(error.Reason).Inc();

    public void ModelServed(ModelDescriptor? previous, ModelDescriptor served)
    {
        if (previous is not null) ModelInfo.RemoveLabelled(previous.Version, previous.RunId, previous.Alias);
        ModelInfo.WithLabels(served.Version, served.RunId, served.Alias).Set(1);
        ModelLoaded.Set(1);
    }
}
