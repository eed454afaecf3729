namespace Wms.Core.Registry;

/// <summary>A registered model: a name that versions hang off.</summary>
/// <param name="Name">Unique name, e.g. <c>water-meter-segmentation</c>.</param>
/// <param name="Description">Free text; empty when none.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change.</param>
/// <param name="Tags">Model tags.</param>
/// <param name="Aliases">Alias -> version number.</param>
public sealed record RegisteredModel(
    string Name,
    string Description,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    IReadOnlyDictionary<string, string> Tags,
    IReadOnlyDictionary<string, int> Aliases);
