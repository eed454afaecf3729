using TorchSharp;
using static TorchSharp.torch;

namespace Wms.Training.Model;

/// <summary>The training loss per sample, so that a batch's loss is the mean of its samples'.</summary>
public static class SegmentationLoss
{
    /// <summary>The Tversky weight of a false positive (<see cref="LossKind.BceTversky"/>); a false negative weighs 1 minus it.</summary>
    private const double FalsePositiveShare = 0.3;

    private static readonly Scalar FalsePositiveWeight = FalsePositiveShare.ToScalar(), FalseNegativeWeight = (1 - FalsePositiveShare).ToScalar();

    /// <summary>Smoothing of the overlap term (1/2): an empty mask predicted empty scores 1, not 0/0.</summary>
    private static readonly Scalar Smoothing = KeptScalars.Half;

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
        // The Tversky index (TP + 1/2) / (TP + a FP + b FN + 1/2) = (TP + 1/2) / (a sum(p) + b sum(t) + 1/2),
        // as a + b = 1. At a = b = 1/2 it is the soft Dice, (2 TP + 1) / (sum(p) + sum(t) + 1).
        var (falsePositive, falseNegative) = kind == LossKind.BceTversky ? (FalsePositiveWeight, FalseNegativeWeight) : (KeptScalars.Half, KeptScalars.Half);
        // Numbers through kept scalars, and no tensor "+": see KeptScalars.
        var similarity = overlap.Plus(Smoothing) / predicted.mul(falsePositive).Plus(truth.mul(falseNegative)).Plus(Smoothing);
        return (bce - similarity).Plus(KeptScalars.One);
    }
}
