namespace Wms.Training.Onnx;

/// <summary>
/// Folds an eval-mode BatchNorm into the convolution before it:
/// <c>w' = w * g / sqrt(var + eps)</c> per output channel and <c>b' = (b - mean) * g / sqrt(var + eps) + beta</c>.
/// Computed in double so the folded weights are the float nearest the exact product.
/// </summary>
internal static class BatchNormFolding
{
    /// <summary>BatchNorm2d's default epsilon, which the U-Net uses.</summary>
    public const double Epsilon = 1e-5;

    public static (float[] Weight, float[] Bias) Fold(WeightTensor convWeight, WeightTensor convBias,
        WeightTensor gamma, WeightTensor beta, WeightTensor runningMean, WeightTensor runningVar)
    {
        var outputs = (int)convWeight.Shape[0];
        var perOutput = convWeight.Values.Length / outputs;
        var weight = new float[convWeight.Values.Length];
        var bias = new float[outputs];
        for (var o = 0; o < outputs; o++)
        {
            var scale = gamma.Values[o] / Math.Sqrt(runningVar.Values[o] + Epsilon);
            for (var i = o * perOutput; i < (o + 1) * perOutput; i++)
                weight[i] = (float)(convWeight.Values[i] * scale);
            bias[o] = (float)((convBias.Values[o] - runningMean.Values[o]) * scale + beta.Values[o]);
        }
        return (weight, bias);
    }
}
