using Wms.Core.Evaluation;
using Wms.Core.Inference;

namespace Wms.Cli.Commands.Gate;

/// <summary>`wms eval --format json`: the summary, the worst photos and every photo's scores.</summary>
public sealed record EvalView(
    string Model,
    int ModelImageSize,
    int MaskSize,
    string Postprocess,
    string DataDirectory,
    string Split,
    int? Seed,
    int Photos,
    EvalScoresView Summary,
    IReadOnlyList<EvalPhotoView> Worst,
    IReadOnlyList<EvalPhotoView> PerPhoto,
    string? Report)
{
    public static EvalView From(string model, ModelEvaluation evaluation, MaskPostprocess postprocess, string data, string split, int? seed,
        int worst, string? report) => new(
        model, evaluation.ModelImageSize, evaluation.MaskSize, MaskPostprocessNames.Of(postprocess), data, split, seed, evaluation.Photos.Count,
        new EvalScoresView(evaluation.Summary.Dice, evaluation.Summary.Iou, evaluation.Summary.Hausdorff, evaluation.Summary.PixelAccuracy),
        evaluation.Worst(worst).Select(EvalPhotoView.From).ToList(),
        evaluation.Photos.Select(EvalPhotoView.From).ToList(),
        report);
}

/// <summary>Mean scores.</summary>
public sealed record EvalScoresView(double Dice, double Iou, double Hausdorff, double PixelAccuracy);

/// <summary>One photo's scores.</summary>
public sealed record EvalPhotoView(string Stem, string Photo, double Dice, double Iou, double Hausdorff, double PixelAccuracy)
{
    public static EvalPhotoView From(PhotoEvaluation p) =>
        new(p.Stem, p.PhotoPath, p.Metrics.Dice, p.Metrics.Iou, p.Metrics.Hausdorff, p.Metrics.PixelAccuracy);
}
