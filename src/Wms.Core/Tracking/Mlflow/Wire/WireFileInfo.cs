namespace Wms.Core.Tracking.Mlflow.Wire;

/// <summary>MLflow REST: One artifact listing entry; file_size is omitted for folders.</summary>
internal sealed record WireFileInfo(string Path, bool IsDir, long? FileSize);
