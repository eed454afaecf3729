namespace Wms.Serving.Inference;

/// <summary>One photo's mask from the engine: <paramref name="Mask"/> holds 0/1, <paramref name="Size"/> x <paramref name="Size"/>.</summary>
public sealed record MaskPrediction(byte[] Mask, int Size, double CoveragePercent, CounterBox? Box, double InferenceSeconds);
