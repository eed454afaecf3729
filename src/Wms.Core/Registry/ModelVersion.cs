namespace Wms.Core.Registry;

/// <summary>One version of a registered model.</summary>
/// <param name="Name">The registered model's name.</param>
/// <param name="Version">1, 2, 3, ... in creation order.</param>
/// <param name="Stage">The (deprecated, still honoured) stage.</param>
/// <param name="Status">Whether it is usable.</param>
/// <param name="RunId">The run it was registered from; null when registered from elsewhere.</param>
/// <param name="Source">Where its files are, as the store records it (<c>runs:/...</c>, <c>mlflow-artifacts:/...</c>).</param>
/// <param name="ArtifactPath">The artifact folder inside the run (<c>model</c>), when known.</param>
/// <param name="Description">Free text; empty when none.</param>
/// <param name="CreatedAt">Registration time.</param>
/// <param name="UpdatedAt">Last change (stage, tags, description).</param>
/// <param name="Tags">Version tags (wms puts who, when and why of a promotion there).</param>
/// <param name="Aliases">Aliases pointing at this version (<c>production</c>, <c>previous</c>, ...).</param>
public sealed record ModelVersion(
    string Name,
    int Version,
    ModelStage Stage,
    ModelVersionStatus Status,
    string? RunId,
    string Source,
    string? ArtifactPath,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyList<string> Aliases);
