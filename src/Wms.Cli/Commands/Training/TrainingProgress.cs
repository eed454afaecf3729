using System.Globalization;
using Wms.Cli.Output;
using Wms.Training;

namespace Wms.Cli.Commands.Training;

/// <summary>Shows a run on the progress bar: epoch, batch, loss; the bar's columns (or plain lines) add the ETA.</summary>
internal sealed class TrainingProgress(IProgressTask task) : ITrainingObserver
{
    private int _total;
    private string _lastEpoch = "";

    public void OnDataLoading(int loaded, int total) =>
        task.SetDescription($"Loading photos {loaded}/{total}");

    public void OnRunStarted(TrainingStarted run)
    {
        _total = run.Options.Epochs * run.BatchesPerEpoch;
        task.SetTotal(_total);
        task.SetValue(0);
        task.SetDescription($"Epoch 1/{run.Options.Epochs}");
    }

    public void OnBatchCompleted(BatchCompleted b)
    {
        task.SetDescription(string.Create(CultureInfo.InvariantCulture,
            $"Epoch {b.Epoch}/{b.Epochs} batch {b.Batch}/{b.Batches} loss {b.Loss:F4}{_lastEpoch}"));
        task.SetValue((b.Epoch - 1) * b.Batches + b.Batch);
    }

    public void OnEpochCompleted(EpochMetrics e)
    {
        // The last validation stays on the bar through the epochs that are not validated.
        if (e.Validation is { } v) _lastEpoch = string.Create(CultureInfo.InvariantCulture, $" (val {v.Loss:F4})");
    }

    public void OnCompleted(TrainingOutcome outcome)
    {
        task.SetDescription(outcome.Status == TrainingStatus.Completed ? "Trained" : "Cancelled");
        task.SetValue(_total);
    }
}
