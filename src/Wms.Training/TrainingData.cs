using Wms.Training.Data;

namespace Wms.Training;

/// <summary>
/// The three splits in memory: training samples are augmented per epoch, the others are prepared
/// once. <see cref="TestMasks"/>, when set, holds the test split's true masks at the size the final
/// test metrics are measured at (<c>evaluation.mask_size</c>).
/// </summary>
public sealed record TrainingData(IReadOnlyList<CachedSample> Train, IReadOnlyList<PreparedSample> Validation, IReadOnlyList<PreparedSample> Test,
    Evaluation.EvaluationMasks? TestMasks = null);
