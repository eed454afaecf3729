namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: metrics/get-history.</summary>
internal sealed record MetricHistoryResponse(List<WireMetric>? Metrics, string? NextPageToken);
