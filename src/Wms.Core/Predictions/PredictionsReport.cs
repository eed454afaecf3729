namespace Wms.Core.Predictions;

/// <summary><c>predictions.json</c>: the model, one line per photo, and what was skipped.</summary>
/// <param name="CreatedAt">When the batch finished (UTC).</param>
/// <param name="Model">What predicted.</param>
/// <param name="OutputDirectory">Where the masks are (full path).</param>
/// <param name="MaskSize"><c>photo</c> or <c>model</c>.</param>
/// <param name="Photos">Photos attempted.</param>
/// <param name="Succeeded">Photos with a mask written.</param>
/// <param name="Failed">Photos that failed (see each one's <c>error</c>).</param>
/// <param name="ElapsedMs">Wall time of the batch, model loading excluded.</param>
/// <param name="Predictions">One entry per photo, in input order.</param>
/// <param name="Skipped">Entries of input folders that were not predicted, with the reason.</param>
public sealed record PredictionsReport(
    DateTimeOffset CreatedAt,
    PredictionModel Model,
    string OutputDirectory,
    string MaskSize,
    int Photos,
    int Succeeded,
    int Failed,
    double ElapsedMs,
    IReadOnlyList<PhotoPrediction> Predictions,
    IReadOnlyList<SkippedFile> Skipped);
