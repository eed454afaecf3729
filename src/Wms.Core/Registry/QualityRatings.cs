namespace Wms.Core.Registry;

/// <summary>Rates a Dice score as the original's check_model.py did.</summary>
public static class QualityRatings
{
    /// <summary>EXCELLENT from 0.85, GOOD from 0.70, MEDIOCRE from 0.50, else POOR (also for NaN).</summary>
    public static QualityRating Rate(double dice) => dice switch
    {
        >= 0.85 => QualityRating.Excellent,
        >= 0.70 => QualityRating.Good,
        >= 0.50 => QualityRating.Mediocre,
        _ => QualityRating.Poor,
    };

    /// <summary>The rating as the original printed it: EXCELLENT, GOOD, MEDIOCRE, POOR.</summary>
    public static string Label(QualityRating rating) => rating.ToString().ToUpperInvariant();
}
