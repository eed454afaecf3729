namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: runs/update.</summary>
internal sealed record UpdateRunRequest(string RunId, string Status, long EndTime);
