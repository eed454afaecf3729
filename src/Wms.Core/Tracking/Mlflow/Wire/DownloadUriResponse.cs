namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: model-versions/get-download-uri.</summary>
internal sealed record DownloadUriResponse(string ArtifactUri);
