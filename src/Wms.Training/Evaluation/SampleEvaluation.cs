using Wms.Core.Quality;

namespace Wms.Training.Evaluation;

/// <summary>One sample's loss and metrics.</summary>
public sealed record SampleEvaluation(string Stem, double Loss, SampleMetrics Metrics);
