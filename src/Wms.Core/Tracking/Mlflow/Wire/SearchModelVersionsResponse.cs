namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: model-versions/search.</summary>
internal sealed record SearchModelVersionsResponse(List<WireModelVersion>? ModelVersions, string? NextPageToken);
