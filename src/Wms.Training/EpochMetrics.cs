namespace Wms.Training;

/// <summary>
/// One finished epoch: training metrics (on the augmented batches, in train mode, as the
/// original measured them), validation metrics (null after an epoch the run did not validate:
/// <see cref="TrainingOptions.ValidateEvery"/>), the learning rate the epoch used, and whether
/// its validation loss is the best so far (its weights are then the run's best).
/// </summary>
public sealed record EpochMetrics(int Epoch, SplitMetrics Train, SplitMetrics? Validation, double LearningRate, bool IsBest, TimeSpan Duration);
