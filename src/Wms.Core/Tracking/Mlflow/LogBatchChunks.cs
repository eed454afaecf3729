using Wms.Core.Tracking.Mlflow.Wire;

namespace Wms.Core.Tracking.Mlflow;

/// <summary>
/// Splits a log-batch into requests MLflow accepts: at most 1000 metrics, 100 params, 100 tags
/// and 1000 items in all per request (MLflow answers 400 beyond). Params go in the first requests,
/// so a rejected param change stops the batch before most of its metrics are sent.
/// </summary>
internal static class LogBatchChunks
{
    public const int MaxMetrics = 1000, MaxParams = 100, MaxTags = 100, MaxItems = 1000;

    public static IEnumerable<LogBatchRequest> Split(string runId, IReadOnlyList<WireMetric> metrics, IReadOnlyList<WireTag> parameters, IReadOnlyList<WireTag> tags)
    {
        int m = 0, p = 0, t = 0;
        do
        {
            var takeParams = Math.Min(MaxParams, parameters.Count - p);
            var takeTags = Math.Min(Math.Min(MaxTags, tags.Count - t), MaxItems - takeParams);
            var takeMetrics = Math.Min(Math.Min(MaxMetrics, metrics.Count - m), MaxItems - takeParams - takeTags);
            yield return new LogBatchRequest(runId,
                metrics.Skip(m).Take(takeMetrics).ToList(), parameters.Skip(p).Take(takeParams).ToList(), tags.Skip(t).Take(takeTags).ToList());
            m += takeMetrics;
            p += takeParams;
            t += takeTags;
        }
        while (m < metrics.Count || p < parameters.Count || t < tags.Count);
    }
}
