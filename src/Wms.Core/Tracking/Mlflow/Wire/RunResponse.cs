namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: runs/create and runs/get.</summary>
internal sealed record RunResponse(WireRun Run);
