namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: runs/log-model.</summary>
internal sealed record LogModelRequest(string RunId, string ModelJson);
