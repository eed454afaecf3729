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
}
