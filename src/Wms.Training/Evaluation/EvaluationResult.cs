using Wms.Core.Quality;

namespace Wms.Training.Evaluation;

/// <summary>A model on a set of samples: mean loss, mean metrics, and each sample's (in input order).</summary>
public sealed record EvaluationResult(double Loss, MetricsSummary Summary, IReadOnlyList<SampleEvaluation> Samples);
