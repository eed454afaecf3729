namespace Wms.Training;

/// <summary>Why training stopped.</summary>
public enum StopReason
{
    /// <summary>All configured epochs ran.</summary>
    MaxEpochs,
    /// <summary>The validation loss did not improve for <see cref="TrainingOptions.EarlyStoppingPatience"/> epochs.</summary>
    EarlyStopping,
    /// <summary>Cancelled (Ctrl+C); the best weights so far are kept.</summary>
    Cancelled,
    /// <summary>Another epoch would have passed <see cref="TrainingOptions.TimeLimitMinutes"/>.</summary>
    TimeLimit,
}
