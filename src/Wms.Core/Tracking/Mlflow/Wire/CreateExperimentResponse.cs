namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: experiments/create.</summary>
internal sealed record CreateExperimentResponse(string ExperimentId);
