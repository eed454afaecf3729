namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: An alias on a registered model.</summary>
internal sealed record WireAlias(string Alias, string Version);
