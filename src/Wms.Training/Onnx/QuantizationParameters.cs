namespace Wms.Training.Onnx;

/// <summary>
/// An activation's uint8 quantization, <c>real = (q - ZeroPoint) * Scale</c>: the observed range
/// widened to include 0 (so 0 is exact, as ReLU and padding need) and spread over 0..255.
/// </summary>
internal sealed record QuantizationParameters(float Scale, byte ZeroPoint)
{
    /// <summary>The graph input: values k/255 (preprocessed bytes /255), each exactly representable.</summary>
    public static QuantizationParameters UnitInterval { get; } = new(1f / 255, 0);

    public static QuantizationParameters FromRange(float min, float max)
    {
        min = Math.Min(min, 0);
        max = Math.Max(max, 0);
        var scale = (max - min) / 255;
        // A tensor that is 0 everywhere on the calibration photos: any scale represents it.
        if (!(scale > 0) || !float.IsFinite(scale)) return new QuantizationParameters(1f / 255, 0);
        return new QuantizationParameters(scale, (byte)Math.Clamp(Math.Round(-min / scale), 0, 255));
    }

    /// <summary>The real values this quantization can represent.</summary>
    public (float Min, float Max) Range => (-ZeroPoint * Scale, (255 - ZeroPoint) * Scale);

    /// <summary>Both ranges at once (a Concat of the two tensors).</summary>
    public QuantizationParameters Union(QuantizationParameters other) =>
        FromRange(Math.Min(Range.Min, other.Range.Min), Math.Max(Range.Max, other.Range.Max));
}
