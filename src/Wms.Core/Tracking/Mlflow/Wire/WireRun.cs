namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: A run.</summary>
internal sealed record WireRun(WireRunInfo Info, WireRunData? Data);
