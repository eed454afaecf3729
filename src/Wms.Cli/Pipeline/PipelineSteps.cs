using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Wms.Cli.Pipeline;

/// <summary>
/// Runs steps against a pipeline run's state file: a step finished before with the same input
/// hash is not run again (its recorded result is returned); otherwise it runs, and its result is
/// recorded (the file replaced atomically) before the next step starts.
/// </summary>
public sealed class PipelineSteps(string statePath, PipelineState state, IPipelineObserver observer, TimeProvider time)
{
    private readonly List<PipelineStepStatus> _statuses = [];

    public PipelineState State { get; private set; } = state;

    /// <summary>What happened to each step so far in this invocation.</summary>
    public IReadOnlyList<PipelineStepStatus> Statuses => _statuses;

    public async Task<T> RunAsync<T>(string step, string inputHash, JsonTypeInfo<T> type, string description,
        Func<Task<T>> work, Func<T, string> summarize)
    {
        if (State.Steps.TryGetValue(step, out var record) && record.InputHash == inputHash)
        {
            var recorded = record.Result.Deserialize(type) ?? throw new InvalidDataException($"{statePath}: step {step} has no result");
            _statuses.Add(new PipelineStepStatus(step, PipelineStepStatus.Skipped, inputHash, record.FinishedAt));
            observer.OnStepFinished(step, summarize(recorded), skipped: true);
            return recorded;
        }
        observer.OnStepStarted(step, description);
        var result = await work();
        var finished = time.GetUtcNow();
        var steps = new Dictionary<string, PipelineStepRecord>(State.Steps, StringComparer.Ordinal)
        {
            [step] = new PipelineStepRecord(inputHash, finished, JsonSerializer.SerializeToElement(result, type)),
        };
        Save(State with { Steps = steps });
        _statuses.Add(new PipelineStepStatus(step, PipelineStepStatus.Done, inputHash, finished));
        observer.OnStepFinished(step, summarize(result), skipped: false);
        return result;
    }

    /// <summary>Records a change to the state outside a step (the merge baseline).</summary>
    public void Save(PipelineState state)
    {
        PipelineStateFile.Save(statePath, state);
        State = state;
    }
}
