using System.ComponentModel.DataAnnotations;

namespace Wms.Serving;

/// <summary>Limits and access rules of the prediction endpoints (configuration section <c>Serving</c>).</summary>
public sealed class ServingOptions
{
    public const string Section = "Serving";

    /// <summary>When set, <c>/predict</c> and <c>/predict/batch</c> require it in the <c>X-API-Key</c> header.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Largest request body of <c>/predict</c>, in bytes.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "{0} must be at least 1")]
    public long MaxRequestBytes { get; set; } = 20L * 1024 * 1024;

    /// <summary>Largest request body of <c>/predict/batch</c>, in bytes.</summary>
    [Range(1, long.MaxValue, ErrorMessage = "{0} must be at least 1")]
    public long MaxBatchRequestBytes { get; set; } = 100L * 1024 * 1024;

    /// <summary>Most photos in one <c>/predict/batch</c> request.</summary>
    [Range(1, 1000)]
    public int MaxBatchFiles { get; set; } = 16;

    /// <summary>
    /// Most pixels (width x height, read from the header before decoding) of one photo. Refuses
    /// decompression bombs; decoding needs about 8 bytes per pixel for a moment.
    /// </summary>
    [Range(1, long.MaxValue, ErrorMessage = "{0} must be at least 1")]
    public long MaxImagePixels { get; set; } = 50_000_000;

    /// <summary>Budget of one request, from its first byte to the mask (queue wait included).</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "01:00:00")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// On SIGTERM, how long readiness fails while requests are still accepted, so a load balancer
    /// stops sending before the server stops listening (k8s: about the endpoint propagation time).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:05:00")]
    public TimeSpan ShutdownDelay { get; set; } = TimeSpan.Zero;

    /// <summary>How long requests in flight may take to finish at shutdown (after <see cref="ShutdownDelay"/>).</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00")]
    public TimeSpan DrainTimeout { get; set; } = TimeSpan.FromSeconds(30);
}
