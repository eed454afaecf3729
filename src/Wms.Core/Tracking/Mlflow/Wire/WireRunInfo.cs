namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: A run's info block.</summary>
internal sealed record WireRunInfo(string RunId, string ExperimentId, string? RunName, string? Status, long StartTime, long? EndTime, string? ArtifactUri, string? LifecycleStage);
