namespace Wms.Core.Registry;

/// <summary>The names the original system and its users rely on.</summary>
public static class RegistryNames
{
    /// <summary>Experiment and registered model name.</summary>
    public const string ModelName = "water-meter-segmentation";

    /// <summary>The alias of the served version (loads as <c>models:/water-meter-segmentation@production</c>).</summary>
    public const string ProductionAlias = "production";

    /// <summary>The alias of the version Production replaced last; <c>wms models rollback</c> goes back to it.</summary>
    public const string PreviousAlias = "previous";

    /// <summary>The run artifact folder that holds the MLflow model (MLmodel, model.onnx, weights).</summary>
    public const string ModelArtifactPath = "model";
}
