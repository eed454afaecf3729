namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: A run's data block; every list is omitted when empty.</summary>
internal sealed record WireRunData(List<WireMetric>? Metrics, List<WireTag>? Params, List<WireTag>? Tags);
