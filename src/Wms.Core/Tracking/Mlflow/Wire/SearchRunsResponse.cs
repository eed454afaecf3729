namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: runs/search.</summary>
internal sealed record SearchRunsResponse(List<WireRun>? Runs, string? NextPageToken);
