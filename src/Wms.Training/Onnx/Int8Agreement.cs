using Microsoft.ML.OnnxRuntime;
using Wms.Core.Models;

namespace Wms.Training.Onnx;

/// <summary>How closely an INT8 graph follows its FP32 original on a set of inputs.</summary>
/// <param name="MeanDice">Mean Dice of the two masks (logit &gt; 0, i.e. sigmoid &gt; 0.5); two empty masks agree (1).</param>
/// <param name="MinDice">The worst input's Dice.</param>
/// <param name="MaxLogitDifference">Largest |logit difference| anywhere.</param>
/// <param name="MeanLogitDifference">Mean |logit difference|.</param>
public sealed record Int8Agreement(int Inputs, double MeanDice, double MinDice, float MaxLogitDifference, double MeanLogitDifference)
{
    /// <summary>Runs both graphs on ONNX Runtime (full optimization, so the INT8 one runs fused, as served) on each input.</summary>
    public static Int8Agreement Measure(byte[] fp32, byte[] int8, IReadOnlyList<float[]> inputs, int size, int threads = 0)
    {
        ArgumentOutOfRangeException.ThrowIfZero(inputs.Count);
        using var options = new SessionOptions { IntraOpNumThreads = threads };
        using var reference = new InferenceSession(fp32, options);
        using var quantized = new InferenceSession(int8, options);
        var dice = new List<double>();
        var (maxDiff, sumDiff, count) = (0f, 0d, 0L);
        foreach (var input in inputs)
        {
            var expected = Logits(reference, input, size);
            var actual = Logits(quantized, input, size);
            dice.Add(Dice(expected, actual));
            for (var i = 0; i < expected.Length; i++)
            {
                var d = Math.Abs(expected[i] - actual[i]);
                maxDiff = Math.Max(maxDiff, d);
                sumDiff += d;
            }
            count += expected.Length;
        }
        return new Int8Agreement(inputs.Count, dice.Average(), dice.Min(), maxDiff, sumDiff / count);
    }

    /// <summary>Dice of the masks logit &gt; 0 of <paramref name="a"/> and <paramref name="b"/>; 1 when both are empty.</summary>
    public static double Dice(ReadOnlySpan<float> a, ReadOnlySpan<float> b)
    {
        long both = 0, sum = 0;
        for (var i = 0; i < a.Length; i++)
        {
            var (x, y) = (a[i] > 0, b[i] > 0);
            if (x && y) both++;
            sum += (x ? 1 : 0) + (y ? 1 : 0);
        }
        return sum == 0 ? 1 : 2.0 * both / sum;
    }

    private static float[] Logits(InferenceSession session, float[] input, int size)
    {
        using var runOptions = new RunOptions();
        using var value = OrtValue.CreateTensorValueFromMemory(input, [1, ModelContract.InputChannels, size, size]);
        using var outputs = session.Run(runOptions, [ModelContract.InputName], [value], [ModelContract.OutputName]);
        return outputs[0].GetTensorDataAsSpan<float>().ToArray();
    }
}
