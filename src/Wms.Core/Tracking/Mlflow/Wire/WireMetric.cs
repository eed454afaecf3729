namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: A metric value; NaN arrives as the string "NaN".</summary>
internal sealed record WireMetric(string Key, double Value, long Timestamp, long Step);
