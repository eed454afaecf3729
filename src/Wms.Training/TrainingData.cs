using Wms.Training.Data;

namespace Wms.Training;

/// <summary>The three splits in memory: training samples are augmented per epoch, the others are prepared once.</summary>
public sealed record TrainingData(IReadOnlyList<CachedSample> Train, IReadOnlyList<PreparedSample> Validation, IReadOnlyList<PreparedSample> Test);
