namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: model-versions/create.</summary>
internal sealed record CreateModelVersionRequest(string Name, string Source, string RunId, string? Description, List<WireTag>? Tags);
