namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: registered-models/create and get.</summary>
internal sealed record RegisteredModelResponse(WireRegisteredModel RegisteredModel);
