using System.ComponentModel.DataAnnotations;

namespace Wms.Serving.Inference;

/// <summary>The inference workers and their queue (configuration section <c>Serving:Inference</c>).</summary>
public sealed class InferenceQueueOptions
{
    public const string Section = "Serving:Inference";

    /// <summary>Photos processed at the same time; 0 means one per core.</summary>
    [Range(0, 256)]
    public int Concurrency { get; set; }

    /// <summary>
    /// Inferences run at the same time (each uses every ONNX Runtime thread). Decoding and mask
    /// encoding overlap across workers; the inference itself needs ~150 MB of activations, so one
    /// at a time keeps the peak memory down at no cost in throughput on a CPU that one already fills.
    /// </summary>
    [Range(1, 256)]
    public int ConcurrentInferences { get; set; } = 1;

    /// <summary>Photos that may wait for a worker; 0 means 4 per worker. A full queue answers 503.</summary>
    [Range(0, 100_000)]
    public int QueueCapacity { get; set; }

    /// <summary>The <c>Retry-After</c> of a 503 (busy, no model, timed out), in seconds.</summary>
    [Range(1, 3600)]
    public int RetryAfterSeconds { get; set; } = 1;

    public int EffectiveConcurrency => Concurrency > 0 ? Concurrency : Environment.ProcessorCount;

    public int EffectiveQueueCapacity => QueueCapacity > 0 ? QueueCapacity : 4 * EffectiveConcurrency;
}
