namespace Wms.Training.Onnx;

/// <summary>The smallest and largest value an activation took over the calibration photos.</summary>
public sealed record ActivationRange(float Min, float Max)
{
    public ActivationRange Union(ActivationRange other) => new(Math.Min(Min, other.Min), Math.Max(Max, other.Max));
}
