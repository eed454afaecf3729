using Wms.Core.Quality;

namespace Wms.Core.Evaluation;

/// <summary>One photo's scores: its predicted mask against its true mask, at the evaluation's mask size.</summary>
public sealed record PhotoEvaluation(string Stem, string PhotoPath, string MaskPath, SampleMetrics Metrics);
