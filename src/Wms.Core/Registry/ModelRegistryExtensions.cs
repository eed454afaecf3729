namespace Wms.Core.Registry;

/// <summary>Lookups built on <see cref="IModelRegistry"/> that serving, the gate and the CLI share.</summary>
public static class ModelRegistryExtensions
{
    /// <summary>
    /// The served version: the one with alias <c>production</c>, else (registries that only used the
    /// deprecated stages) the newest version in stage Production; null when there is none. One
    /// request in the usual case, so serving can poll it.
    /// </summary>
    public static async Task<ModelVersion?> FindProductionVersionAsync(this IModelRegistry registry, string name,
        CancellationToken cancellationToken = default)
    {
        var byAlias = await registry.FindModelVersionByAliasAsync(name, RegistryNames.ProductionAlias, cancellationToken);
        if (byAlias is not null) return byAlias;
        var versions = await registry.ListModelVersionsAsync(name, cancellationToken);
        return versions.Where(v => v.Stage == ModelStage.Production).MaxBy(v => v.Version);
    }

    /// <summary>
    /// Resolves what a user typed: a version number (<c>3</c>, <c>v3</c>), an alias (<c>production</c>,
    /// <c>@previous</c>) or a stage name (<c>Production</c>, <c>Staging</c>). NotFound when nothing matches.
    /// </summary>
    public static async Task<ModelVersion> ResolveAsync(this IModelRegistry registry, string name, string reference,
        CancellationToken cancellationToken = default)
    {
        var text = reference.Trim();
        var number = text.StartsWith('v') || text.StartsWith('V') ? text[1..] : text;
        if (int.TryParse(number, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var version))
            return await registry.GetModelVersionAsync(name, version, cancellationToken);

        var alias = text.TrimStart('@');
        if (alias.Length == 0) throw new WmsException("a model version reference must not be empty");
        if (string.Equals(alias, RegistryNames.ProductionAlias, StringComparison.OrdinalIgnoreCase))
        {
            return await registry.FindProductionVersionAsync(name, cancellationToken)
                ?? throw WmsException.NotFound($"model '{name}' has no Production version ({registry.Location})");
        }
        var byAlias = await registry.FindModelVersionByAliasAsync(name, alias, cancellationToken);
        if (byAlias is not null) return byAlias;

        if (Enum.TryParse<ModelStage>(alias, ignoreCase: true, out var stage) && stage != ModelStage.None)
        {
            var versions = await registry.ListModelVersionsAsync(name, cancellationToken);
            return versions.Where(v => v.Stage == stage).MaxBy(v => v.Version)
                ?? throw WmsException.NotFound($"model '{name}' has no version in stage {stage} ({registry.Location})");
        }
        throw WmsException.NotFound($"model '{name}' has no version {reference}: not a version number, and no such alias ({registry.Location})");
    }
}
