using System.Globalization;
using Wms.Cli.Output;
using Wms.Cli.Pipeline;
using Wms.Training;

namespace Wms.Cli.Commands.Pipeline;

/// <summary>One line per step (and per training epoch) on stderr, so a CI log shows where the pipeline is.</summary>
internal sealed class ConsolePipelineObserver(IConsoleUi ui, IEnumerable<IPipelineObserver> others) : IPipelineObserver, ITrainingObserver
{
    public void OnStepStarted(string step, string description)
    {
        ui.Info($"[{step}] {description}");
        foreach (var o in others) o.OnStepStarted(step, description);
    }

    public void OnStepFinished(string step, string summary, bool skipped)
    {
        ui.Info(skipped ? $"[{step}] already done with the same inputs, skipped: {summary}" : $"[{step}] done: {summary}");
        foreach (var o in others) o.OnStepFinished(step, summary, skipped);
    }

    public void OnRunStarted(TrainingStarted run) =>
        ui.Info($"[train] {run.Split.Train.Count} train / {run.Split.Validation.Count} validation / {run.Split.Test.Count} test pairs, run folder {run.RunDirectory}");

    public void OnEpochCompleted(EpochMetrics e) => ui.Info(string.Create(CultureInfo.InvariantCulture,
        $"[train] epoch {e.Epoch}: train_loss {e.Train.Loss:F4}{(e.Validation is { } v ? $", val_loss {v.Loss:F4}, val_dice {v.Dice:F4}" : ", not validated")}{(e.IsBest ? " (best)" : "")}"));
}
