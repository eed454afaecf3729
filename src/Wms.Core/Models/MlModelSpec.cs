namespace Wms.Core.Models;

/// <summary>The values of one MLmodel file; the rest (flavors, environment) is fixed by this program.</summary>
/// <param name="ModelSizeBytes">Total size of the folder's other files, as MLflow reports it.</param>
/// <param name="ModelUuid">32 lowercase hex digits (a UUID without dashes), as MLflow writes it.</param>
/// <param name="RunId">The tracking run the model belongs to; omitted from the file when null, as <c>mlflow.onnx.save_model</c> does.</param>
/// <param name="Precision">Written as MLflow model <c>metadata</c> when not FP32, so an INT8 model is visible in MLflow's UI.</param>
public sealed record MlModelSpec(int ImageSize, long ModelSizeBytes, string ModelUuid, DateTimeOffset CreatedUtc, string? RunId,
    string ArtifactPath = "model", string Precision = ModelContract.Fp32Precision);
