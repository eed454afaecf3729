using TorchSharp;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>The training loss per sample, so that a batch's loss is the mean of its samples'.</summary>
public static class SegmentationLoss
{
    /// <summary>Smoothing of the soft Dice (1): an empty mask predicted empty scores 1, not 0/0.</summary>
    private static readonly Scalar DiceSmoothing = KeptScalars.One;

    /// <summary>A <c>[N]</c> float32 tensor: each sample's loss (BCE mean over its pixels, plus 1 - soft Dice for <see cref="LossKind.BceDice"/>).</summary>
    public static Tensor PerSample(Tensor logits, Tensor masks, LossKind kind)
    {
        var logits32 = logits.to(ScalarType.Float32);
        var bce = nn.functional.binary_cross_entropy_with_logits(logits32, masks, reduction: nn.Reduction.None).mean([1, 2, 3]);
        if (kind == LossKind.Bce) return bce;
        var probabilities = sigmoid(logits32);
        var overlap = (probabilities * masks).sum([1, 2, 3]);
        // Numbers through kept scalars, and no tensor "+": see KeptScalars.
        var total = probabilities.sum([1, 2, 3]).Plus(masks.sum([1, 2, 3]));
        var dice = overlap.mul(KeptScalars.Two).Plus(DiceSmoothing) / total.Plus(DiceSmoothing);
        return (bce - dice).Plus(KeptScalars.One);
    }
}
