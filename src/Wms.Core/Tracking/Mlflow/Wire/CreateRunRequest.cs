namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: runs/create.</summary>
internal sealed record CreateRunRequest(string ExperimentId, string? RunName, long StartTime, List<WireTag>? Tags);
