namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: model-versions/set-tag.</summary>
internal sealed record SetModelVersionTagRequest(string Name, string Version, string Key, string Value);
