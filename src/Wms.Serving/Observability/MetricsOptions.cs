namespace Wms.Serving.Observability;

/// <summary>Prometheus histogram buckets (configuration section <c>Serving:Metrics</c>).</summary>
public sealed class MetricsOptions
{
    public const string Section = "Serving:Metrics";

    /// <summary>ECOSYSTEM.md §c.1: up to 30 s, since client defaults stop at 10 s.</summary>
    public static readonly double[] DefaultLatencyBuckets = [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30];

    /// <summary>16 KiB to 64 MiB, doubling.</summary>
    public static readonly double[] DefaultImageByteBuckets = [.. Enumerable.Range(0, 13).Select(i => 16384.0 * Math.Pow(2, i))];

    /// <summary>Buckets of <c>wms_predict_latency_seconds</c>; null for the defaults. (Null, not an initialised array: the binder would append to it.)</summary>
    public double[]? LatencyBuckets { get; set; }

    /// <summary>Buckets of <c>wms_request_image_bytes</c>; null for the defaults.</summary>
    public double[]? ImageByteBuckets { get; set; }
}
