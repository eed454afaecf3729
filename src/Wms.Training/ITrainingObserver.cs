namespace Wms.Training;

/// <summary>
/// Watches a training run: the CLI's progress bar, the run's log file and experiment tracking
/// are observers, attached without the trainer knowing them. Every method has an empty default,
/// so an observer implements only what it needs. Calls come one at a time, in order (from the
/// training thread, except <see cref="OnDataLoading"/> from the decoding threads):
/// <see cref="OnDataLoading"/>*, <see cref="OnRunStarted"/>, then (<see cref="OnBatchCompleted"/>*
/// <see cref="OnEpochCompleted"/>)*, then exactly one of <see cref="OnCompleted"/> or <see cref="OnFailed"/>.
/// An observer that throws fails the run, so observers catch what they can survive.
/// </summary>
public interface ITrainingObserver
{
    /// <summary>Photos decoded into the cache so far, of the total (before the run starts).</summary>
    void OnDataLoading(int loaded, int total) { }

    /// <summary>Data loaded and split, run folder created; training is about to start.</summary>
    void OnRunStarted(TrainingStarted run) { }

    void OnBatchCompleted(BatchCompleted batch) { }

    void OnEpochCompleted(EpochMetrics epoch) { }

    /// <summary>The run ended normally (completed, possibly early-stopped) or was cancelled; its folder is written.</summary>
    void OnCompleted(TrainingOutcome outcome) { }

    /// <summary>The run failed after it started; <see cref="TrainingStarted.RunDirectory"/> holds what was written.</summary>
    void OnFailed(Exception error) { }
}
