using Microsoft.ML.OnnxRuntime;
using Wms.Core.Models;

namespace Wms.Training.Onnx;

/// <summary>
/// Static INT8 calibration: runs the FP32 graph (on ONNX Runtime, every ReLU's output exposed) on
/// preprocessed photos and records each activation's min and max over all of them.
/// </summary>
public static class Int8Calibration
{
    /// <param name="inputs">Preprocessed photos, [3, size, size] each (<see cref="CalibrationPhotos.Load"/>).</param>
    /// <param name="threads">ONNX Runtime intra-op threads; 0 = one per core.</param>
    public static IReadOnlyDictionary<string, ActivationRange> Calibrate(IReadOnlyDictionary<string, WeightTensor> weights,
        IReadOnlyList<float[]> inputs, int size, int threads = 0, IProgress<int>? progress = null)
    {
        ArgumentOutOfRangeException.ThrowIfZero(inputs.Count);
        var (onnx, activations) = UNetOnnxExporter.ExportWithActivations(weights, size);
        using var options = new SessionOptions { IntraOpNumThreads = threads };
        using var session = new InferenceSession(onnx, options);
        using var runOptions = new RunOptions();
        var ranges = new Dictionary<string, ActivationRange>(StringComparer.Ordinal);
        for (var i = 0; i < inputs.Count; i++)
        {
            using var value = OrtValue.CreateTensorValueFromMemory(inputs[i], [1, ModelContract.InputChannels, size, size]);
            using var outputs = session.Run(runOptions, [ModelContract.InputName], [value], activations);
            for (var j = 0; j < activations.Count; j++)
            {
                var range = MinMax(outputs[j].GetTensorDataAsSpan<float>());
                ranges[activations[j]] = ranges.TryGetValue(activations[j], out var seen) ? seen.Union(range) : range;
            }
            progress?.Report(i + 1);
        }
        return ranges;
    }

    private static ActivationRange MinMax(ReadOnlySpan<float> values)
    {
        var (min, max) = (float.PositiveInfinity, float.NegativeInfinity);
        foreach (var v in values)
        {
            min = Math.Min(min, v);
            max = Math.Max(max, v);
        }
        return new ActivationRange(min, max);
    }
}
