namespace Wms.Training;

/// <summary>What training minimises (<c>training.loss</c>); validation and model selection use the same.</summary>
public enum LossKind
{
    /// <summary>Binary cross-entropy with logits, the original's loss.</summary>
    Bce,

    /// <summary>
    /// BCE plus a soft Dice term (1 - Dice of the probabilities, per photo): the Dice term weighs
    /// the small counter region as much as the large background, which BCE alone does not.
    /// </summary>
    BceDice,

    /// <summary>
    /// BCE plus a soft Tversky term, 1 - TP / (TP + 0.3 FP + 0.7 FN) per photo (Salehi et al.,
    /// 2017): the soft Dice with a missed counter pixel weighing more than an invented one, because
    /// a U-Net trained with BCE + Dice misses more of the counter than it invents (docs/RESULTS.md).
    /// </summary>
    BceTversky,
}
