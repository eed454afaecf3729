namespace Wms.Training.Runs;

/// <summary>Forwards every event to several observers, in order.</summary>
public sealed class CompositeObserver(IEnumerable<ITrainingObserver> observers) : ITrainingObserver
{
    private readonly ITrainingObserver[] _observers = observers.ToArray();

    public void OnDataLoading(int loaded, int total)
    {
        foreach (var o in _observers) o.OnDataLoading(loaded, total);
    }

    public void OnRunStarted(TrainingStarted run)
    {
        foreach (var o in _observers) o.OnRunStarted(run);
    }

    public void OnBatchCompleted(BatchCompleted batch)
    {
        foreach (var o in _observers) o.OnBatchCompleted(batch);
    }

    public void OnEpochCompleted(EpochMetrics epoch)
    {
        foreach (var o in _observers) o.OnEpochCompleted(epoch);
    }

    public void OnCompleted(TrainingOutcome outcome)
    {
        foreach (var o in _observers) o.OnCompleted(outcome);
    }

    public void OnFailed(Exception error)
    {
        foreach (var o in _observers) o.OnFailed(error);
    }
}
