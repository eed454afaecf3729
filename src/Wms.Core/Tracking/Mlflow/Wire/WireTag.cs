namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: One key/value pair (tags, params).</summary>
internal sealed record WireTag(string Key, string Value);
