namespace Wms.Core.Inference;

/// <summary>How a <see cref="SegmentationEngine"/> runs. Defaults suit a 2-core server.</summary>
public sealed record InferenceOptions
{
    /// <summary>ONNX Runtime intra-op threads for one inference; 0 = one per core.</summary>
    public int IntraOpThreads { get; init; }

    /// <summary>
    /// Let idle ONNX Runtime threads spin waiting for work (lower latency, but they burn the
    /// cores decoding and preprocessing need between inferences).
    /// </summary>
    public bool AllowSpinning { get; init; } = true;

    /// <summary>Run one inference at load so the first request does not pay for allocations and kernel selection.</summary>
    public bool WarmUp { get; init; } = true;

    /// <summary>
    /// Photos with more pixels than this are refused from their header, before decoding
    /// (decompression bombs). 100 MP is twice a 50 MP phone camera.
    /// </summary>
    public long MaxPixels { get; init; } = 100_000_000;

    /// <summary>
    /// ONNX Runtime's CPU memory arena: keeps the largest run's activations (about 150 MB for the
    /// U-Net at 512x512) for the process's life, saving their allocation on later runs. A server
    /// with a memory budget turns it off: the memory then goes back to the OS after each run.
    /// </summary>
    public bool UseMemoryArena { get; init; } = true;

    /// <summary>ONNX Runtime's full graph optimization (fusions, NCHWc layout on x86). Off only to compare.</summary>
    public bool OptimizeGraph { get; init; } = true;

    /// <summary>Overrides the model's own mask post-processing (to measure with and without it); null follows the model.</summary>
    public MaskPostprocess? Postprocess { get; init; }
}
