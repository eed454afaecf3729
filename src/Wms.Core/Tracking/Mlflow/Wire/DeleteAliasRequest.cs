namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: registered-models/alias (DELETE, JSON body).</summary>
internal sealed record DeleteAliasRequest(string Name, string Alias);
