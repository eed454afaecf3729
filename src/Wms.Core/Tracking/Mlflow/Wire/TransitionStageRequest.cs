namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: model-versions/transition-stage.</summary>
internal sealed record TransitionStageRequest(string Name, string Version, string Stage, bool ArchiveExistingVersions);
