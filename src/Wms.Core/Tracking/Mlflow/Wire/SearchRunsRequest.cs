namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: runs/search (POST only).</summary>
internal sealed record SearchRunsRequest(List<string> ExperimentIds, int MaxResults, List<string> OrderBy, string? PageToken);
