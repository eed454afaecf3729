using Wms.Core.Quality;

namespace Wms.Training;

/// <summary>A finished run: where its folder is, what it trained and, when completed, its test metrics.</summary>
public sealed record TrainingOutcome(
    TrainingStatus Status,
    string RunDirectory,
    TrainingStarted Run,
    TrainingResult Result,
    DateTimeOffset FinishedAt,
    TimeSpan DataLoadingTime)
{
    public string MetricsFile => Path.Combine(RunDirectory, Runs.RunFolder.MetricsFileName);

    /// <summary>The best weights on the test split (<c>final_test_*</c>); null when cancelled.</summary>
    public MetricsSummary? Test => Result.Test?.Summary;
}
