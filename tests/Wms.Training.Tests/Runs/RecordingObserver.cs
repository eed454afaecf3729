namespace Wms.Training.Tests.Runs;

/// <summary>Records the events a run reports, and can cancel it at a chosen batch.</summary>
internal sealed class RecordingObserver(CancellationTokenSource? cancel = null, int cancelAtEpoch = 0, int cancelAtBatch = 0) : ITrainingObserver
{
    public List<string> Events { get; } = [];
    public List<EpochMetrics> Epochs { get; } = [];
    public TrainingStarted? Started { get; private set; }
    public TrainingOutcome? Outcome { get; private set; }
    public Exception? Error { get; private set; }

    public void OnDataLoading(int loaded, int total)
    {
        if (Events.LastOrDefault() != "loading") Events.Add("loading");
    }

    public void OnRunStarted(TrainingStarted run)
    {
        Started = run;
        Events.Add("started");
    }

    public void OnBatchCompleted(BatchCompleted batch)
    {
        Events.Add($"batch {batch.Epoch}.{batch.Batch}/{batch.Batches}");
        if (cancel is not null && batch.Epoch == cancelAtEpoch && batch.Batch == cancelAtBatch) cancel.Cancel();
    }

    public void OnEpochCompleted(EpochMetrics epoch)
    {
        Epochs.Add(epoch);
        Events.Add($"epoch {epoch.Epoch}");
    }

    public void OnCompleted(TrainingOutcome outcome)
    {
        Outcome = outcome;
        Events.Add("completed");
    }

    public void OnFailed(Exception error)
    {
        Error = error;
        Events.Add("failed");
    }
}
