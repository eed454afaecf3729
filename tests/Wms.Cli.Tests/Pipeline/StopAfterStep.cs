using Wms.Cli.Pipeline;

namespace Wms.Cli.Tests.Pipeline;

/// <summary>Presses Ctrl+C (cancels the token) as soon as <paramref name="step"/> is finished and recorded.</summary>
public sealed class StopAfterStep(string step, CancellationTokenSource cancellation) : IPipelineObserver
{
    public void OnStepStarted(string name, string description) { }

    public void OnStepFinished(string name, string summary, bool skipped)
    {
        if (name == step) cancellation.Cancel();
    }
}
