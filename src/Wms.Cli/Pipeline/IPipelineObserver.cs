namespace Wms.Cli.Pipeline;

/// <summary>Hears the pipeline's steps (the console prints them; tests may stop a run at a step).</summary>
public interface IPipelineObserver
{
    /// <summary>A step begins (it was not finished before with the same inputs).</summary>
    void OnStepStarted(string step, string description);

    /// <summary>A step is done and recorded in the state file; <paramref name="skipped"/> when an earlier attempt had finished it.</summary>
    void OnStepFinished(string step, string summary, bool skipped);
}
