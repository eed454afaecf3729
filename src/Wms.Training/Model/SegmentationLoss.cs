using TorchSharp;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>The training loss per sample, so that a batch's loss is the mean of its samples'.</summary>
public static class SegmentationLoss
{
    /// <summary>Smoothing of the soft Dice (1): an empty mask predicted empty scores 1, not 0/0.</summary>
    private static readonly Scalar DiceSmoothing = KeptScalars.One;

    /// <summary>The Tversky weight of a false positive (<see cref="LossKind.BceTversky"/>); a false negative weighs 1 minus it.</summary>
    private const double FalsePositiveShare = 0.3;

    private static readonly Scalar FalsePositiveWeight = FalsePositiveShare.ToScalar(), FalseNegativeWeight = (1 - FalsePositiveShare).ToScalar();

    /// <summary>A <c>[N]</c> float32 tensor: each sample's loss (BCE mean over its pixels, plus 1 - soft Dice or 1 - soft Tversky).</summary>
    public static Tensor PerSample(Tensor logits, Tensor masks, LossKind kind)
    {
        var logits32 = logits.to(ScalarType.Float32);
        var bce = nn.functional.binary_cross_entropy_with_logits(logits32, masks, reduction: nn.Reduction.None).mean([1, 2, 3]);
        if (kind == LossKind.Bce) return bce;
        var probabilities = sigmoid(logits32);
        var overlap = (probabilities * masks).sum([1, 2, 3]);
        var predicted = probabilities.sum([1, 2, 3]);
        var truth = masks.sum([1, 2, 3]);
        // Numbers through kept scalars, and no tensor "+": see KeptScalars.
        var similarity = kind == LossKind.BceTversky
            // TP + 0.3 FP + 0.7 FN = 0.3 sum(p) + 0.7 sum(t), as the weights sum to 1 by construction; the smoothing
            // of 1/2 is the Dice's 1 at equal weights, so an empty mask predicted empty scores 1 too.
            ? overlap.Plus(KeptScalars.Half) / predicted.mul(FalsePositiveWeight).Plus(truth.mul(FalseNegativeWeight)).Plus(KeptScalars.Half)
            : overlap.mul(KeptScalars.Two).Plus(DiceSmoothing) / predicted.Plus(truth).Plus(DiceSmoothing);
        return (bce - similarity).Plus(KeptScalars.One);
    }
}
