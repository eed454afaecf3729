namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: artifacts/list and the proxy listing; files is omitted when empty.</summary>
internal sealed record ListArtifactsResponse(string? RootUri, List<WireFileInfo>? Files, string? NextPageToken);
