namespace Wms.Serving.Inference;

/// <summary>A prediction refused or failed for a known reason; the API turns it into a ProblemDetails.</summary>
public sealed class PredictionFailure(PredictionError error, string detail, Exception? inner = null) : Exception(detail, inner)
{
    public PredictionError Error { get; } = error;
}
