namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: experiments/get and get-by-name.</summary>
internal sealed record ExperimentResponse(WireExperiment Experiment);
