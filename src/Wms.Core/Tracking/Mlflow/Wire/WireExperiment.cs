namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: An experiment as MLflow returns it.</summary>
internal sealed record WireExperiment(string ExperimentId, string Name, string? ArtifactLocation, string? LifecycleStage, long? CreationTime, long? LastUpdateTime, List<WireTag>? Tags);
