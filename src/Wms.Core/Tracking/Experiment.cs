namespace Wms.Core.Tracking;

/// <summary>A named group of runs (MLflow experiment).</summary>
/// <param name="ExperimentId">The store's id ("1", "2", ...).</param>
/// <param name="Name">Unique name, e.g. <c>water-meter-segmentation</c>.</param>
/// <param name="ArtifactLocation">Where the experiment's run artifacts live (a URI).</param>
/// <param name="Tags">Experiment tags.</param>
public sealed record Experiment(
    string ExperimentId,
    string Name,
    string ArtifactLocation,
    IReadOnlyDictionary<string, string> Tags);
