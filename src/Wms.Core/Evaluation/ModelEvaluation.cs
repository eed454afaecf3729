using Wms.Core.Quality;

namespace Wms.Core.Evaluation;

/// <summary>A model scored on a list of photos: per photo (in the order given) and the means.</summary>
/// <param name="ModelImageSize">The input size the model ran at.</param>
/// <param name="MaskSize">The size the masks were compared at.</param>
public sealed record ModelEvaluation(MetricsSummary Summary, IReadOnlyList<PhotoEvaluation> Photos, int ModelImageSize, int MaskSize)
{
    /// <summary>The <paramref name="count"/> lowest-Dice photos, worst first (ties by lower IoU, then stem).</summary>
    public IReadOnlyList<PhotoEvaluation> Worst(int count) =>
        Photos.OrderBy(p => p.Metrics.Dice).ThenBy(p => p.Metrics.Iou).ThenBy(p => p.Stem, StringComparer.Ordinal).Take(count).ToList();
}
