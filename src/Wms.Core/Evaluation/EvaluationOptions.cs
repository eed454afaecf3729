namespace Wms.Core.Evaluation;

/// <summary>How <see cref="ModelEvaluator"/> scores a model.</summary>
public sealed record EvaluationOptions
{
    /// <summary>The original measured on 512x512 masks; every model is scored at this size whatever its input size.</summary>
    public const int DefaultMaskSize = 512;

    /// <summary>Predicted and true masks are compared at MaskSize x MaskSize.</summary>
    public int MaskSize { get; init; } = DefaultMaskSize;

    /// <summary>Compute the Hausdorff distance too (the costly metric).</summary>
    public bool Hausdorff { get; init; } = true;

    /// <summary>Photos decoded and scored at once (inference itself is one photo at a time).</summary>
    public int Parallelism { get; init; } = Math.Max(1, Environment.ProcessorCount);
}
