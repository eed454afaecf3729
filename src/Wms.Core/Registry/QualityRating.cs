namespace Wms.Core.Registry;

/// <summary>The original's rating of a model by its test Dice.</summary>
public enum QualityRating
{
    /// <summary>Dice below 0.50.</summary>
    Poor,
    /// <summary>Dice from 0.50.</summary>
    Mediocre,
    /// <summary>Dice from 0.70.</summary>
    Good,
    /// <summary>Dice from 0.85.</summary>
    Excellent,
}
