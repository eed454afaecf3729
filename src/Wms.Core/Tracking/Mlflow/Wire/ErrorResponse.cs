namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: Every MLflow error body.</summary>
internal sealed record ErrorResponse(string? ErrorCode, string? Message);
