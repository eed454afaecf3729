namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: registered-models/alias (POST).</summary>
internal sealed record SetAliasRequest(string Name, string Alias, string Version);
