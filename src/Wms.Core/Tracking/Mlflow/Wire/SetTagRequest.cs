namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: runs/set-tag.</summary>
internal sealed record SetTagRequest(string RunId, string Key, string Value);
