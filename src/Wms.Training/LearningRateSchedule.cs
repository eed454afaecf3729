namespace Wms.Training;

/// <summary>How the learning rate changes during training (<c>training.scheduler.type</c>).</summary>
public enum LearningRateSchedule
{
    /// <summary>The original's ReduceLROnPlateau on the validation loss (factor, patience, min_lr).</summary>
    Plateau,

    /// <summary>
    /// Linear warm-up over <c>warmup_epochs</c>, then cosine decay to <c>min_lr</c> at the last
    /// batch of the last epoch, updated every batch. Does not look at the validation loss.
    /// </summary>
    Cosine,
}
