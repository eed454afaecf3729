namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: registered-models/create.</summary>
internal sealed record NameRequest(string Name);
