namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: A registered model.</summary>
internal sealed record WireRegisteredModel(string Name, long? CreationTimestamp, long? LastUpdatedTimestamp, string? Description, List<WireTag>? Tags, List<WireAlias>? Aliases);
