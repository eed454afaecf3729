using Wms.Training.Data;

namespace Wms.Training;

/// <summary>What a run is about to do: its options, data, split and where it writes.</summary>
/// <param name="RunDirectory">Where files are written while the run goes (<c>&lt;out&gt;.partial</c>).</param>
/// <param name="OutputDirectory">Where the run folder ends up when it completes.</param>
public sealed record TrainingStarted(
    TrainingOptions Options,
    string DataDirectory,
    DatasetSplit Split,
    int BatchesPerEpoch,
    string RunDirectory,
    string OutputDirectory,
    DateTimeOffset StartedAt)
{
    /// <summary>The run's parameters by the original's MLflow names, then ours (<see cref="TrainingOptions.ToParameters"/>).</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Parameters => Options.ToParameters();
}
