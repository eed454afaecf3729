namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: A model version; search results carry no aliases (MLflow 2.x).</summary>
internal sealed record WireModelVersion(string Name, string Version, long? CreationTimestamp, long? LastUpdatedTimestamp, string? CurrentStage, string? Description, string? Source, string? RunId, string? Status, string? StatusMessage, List<WireTag>? Tags, List<string>? Aliases);
