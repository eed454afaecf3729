namespace Wms.Core.Tracking;

/// <summary>A run with its data.</summary>
/// <param name="Info">Identity and status.</param>
/// <param name="Metrics">The latest value of each metric (highest step, then latest timestamp), by key.</param>
/// <param name="Params">Parameters (immutable once logged), by key.</param>
/// <param name="Tags">Tags, by key; includes MLflow's system tags such as <c>mlflow.runName</c>.</param>
public sealed record Run(
    RunInfo Info,
    IReadOnlyDictionary<string, Metric> Metrics,
    IReadOnlyDictionary<string, string> Params,
    IReadOnlyDictionary<string, string> Tags)
{
    /// <summary>The latest value of metric <paramref name="key"/>, or null when it was never logged.</summary>
    public double? GetMetric(string key) => Metrics.TryGetValue(key, out var metric) ? metric.Value : null;
}
