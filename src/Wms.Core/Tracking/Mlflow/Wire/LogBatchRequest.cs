namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: runs/log-batch.</summary>
internal sealed record LogBatchRequest(string RunId, List<WireMetric> Metrics, List<WireTag> Params, List<WireTag> Tags);
