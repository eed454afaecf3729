namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: model-versions/create, get, transition-stage; registered-models/alias (GET).</summary>
internal sealed record ModelVersionResponse(WireModelVersion ModelVersion);
