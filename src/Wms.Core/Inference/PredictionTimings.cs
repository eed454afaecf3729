namespace Wms.Core.Inference;

/// <summary>
/// Where one prediction's time went. In a batch, <see cref="Inference"/> is the batch's time
/// divided by its size.
/// </summary>
public sealed record PredictionTimings(TimeSpan Decode, TimeSpan Preprocess, TimeSpan Inference, TimeSpan Postprocess)
{
    public TimeSpan Total => Decode + Preprocess + Inference + Postprocess;
}
