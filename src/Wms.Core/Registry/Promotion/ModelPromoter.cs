using Wms.Core.Tracking;

namespace Wms.Core.Registry.Promotion;

/// <summary>
/// Promotion, rollback and archiving of the registered model's versions, on either backend. The
/// Production version always carries both stage Production and alias <c>production</c>; the one
/// it replaced is Archived with alias <c>previous</c>; who, when and why are version tags. Every
/// operation is idempotent: repeating it changes nothing and says so.
/// </summary>
public sealed class ModelPromoter(ITrackingStore tracking, IModelRegistry registry, TimeProvider time, string modelName = RegistryNames.ModelName)
{
    /// <summary>The registered model this promoter works on.</summary>
    public string ModelName => modelName;

    /// <summary>
    /// Registers the run's <c>model</c> artifact folder (once: a version already registered from the
    /// run is reused) and makes it Production. NotFound for an unknown run or one without a model
    /// folder; InvalidInput for a run that has not FINISHED.
    /// </summary>
    public async Task<PromotionOutcome> PromoteRunAsync(string runId, PromotionActor actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        var run = await tracking.GetRunAsync(runId, cancellationToken);
        if (run.Info.Status != RunStatus.Finished)
            throw new WmsException($"run {runId} is {run.Info.Status.ToString().ToUpperInvariant()}: only a FINISHED run can be promoted");
        if ((await tracking.ListArtifactsAsync(runId, RegistryNames.ModelArtifactPath, cancellationToken)).Count == 0)
            throw WmsException.NotFound($"run {runId} has no model artifact (no '{RegistryNames.ModelArtifactPath}' folder; {tracking.Location})");

        var version = await FindVersionOfRunAsync(runId, cancellationToken);
        if (version is null)
        {
            await registry.CreateModelVersionAsync(modelName, runId, RegistryNames.ModelArtifactPath,
                $"run {run.Info.RunName} ({runId})", cancellationToken: cancellationToken);
            // Two promotions of the same run at once may both register it; both then use the first version.
            version = await FindVersionOfRunAsync(runId, cancellationToken)
                ?? throw new WmsException($"version of run {runId} vanished right after registration ({registry.Location})", WmsErrorKind.Conflict);
        }
        return await PromoteAsync(version, run, actor, reason ?? $"promote run {runId}", "promote", cancellationToken);
    }

    /// <summary>The first READY version registered from the run's model folder, if any.</summary>
    private async Task<ModelVersion?> FindVersionOfRunAsync(string runId, CancellationToken cancellationToken) =>
        (await registry.ListModelVersionsAsync(modelName, cancellationToken))
            .Where(v => v.RunId == runId && v.ArtifactPath == RegistryNames.ModelArtifactPath && v.Status == ModelVersionStatus.Ready)
            .MinBy(v => v.Version);

    /// <summary>Makes an existing version Production. NotFound for an unknown version.</summary>
    public async Task<PromotionOutcome> PromoteVersionAsync(int version, PromotionActor actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        var target = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        if (target.Status != ModelVersionStatus.Ready)
            throw new WmsException($"version {version} of '{modelName}' is {RegistryText.Status(target.Status)}, not READY: it cannot be promoted");
        return await PromoteAsync(target, await FindRunAsync(target.RunId, cancellationToken), actor, reason ?? $"promote version {version}", "promote", cancellationToken);
    }

    /// <summary>
    /// Puts the version with alias <c>previous</c> back in Production; the current one becomes
    /// Archived with alias <c>previous</c> (so a second rollback undoes the first). NotFound when no
    /// version has alias <c>previous</c>.
    /// </summary>
    public async Task<PromotionOutcome> RollbackAsync(PromotionActor actor, string? reason = null, CancellationToken cancellationToken = default)
    {
        var previous = await registry.FindModelVersionByAliasAsync(modelName, RegistryNames.PreviousAlias, cancellationToken)
            ?? throw WmsException.NotFound($"nothing to roll back to: no version of '{modelName}' has alias '{RegistryNames.PreviousAlias}' ({registry.Location})");
        var current = await registry.FindProductionVersionAsync(modelName, cancellationToken);
        return await PromoteAsync(previous, await FindRunAsync(previous.RunId, cancellationToken), actor,
            reason ?? $"rollback from version {current?.Version.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}", "rollback", cancellationToken);
    }

    /// <summary>
    /// Moves a version to Archived. The Production version is refused (Conflict) unless
    /// <paramref name="force"/>, which also removes its alias <c>production</c>, leaving no Production model.
    /// </summary>
    public async Task<PromotionOutcome> ArchiveAsync(int version, PromotionActor actor, string? reason = null, bool force = false, CancellationToken cancellationToken = default)
    {
        var target = await registry.GetModelVersionAsync(modelName, version, cancellationToken);
        var isProduction = target.Aliases.Contains(RegistryNames.ProductionAlias) || target.Stage == ModelStage.Production;
        if (isProduction && !force)
            throw new WmsException($"version {version} is the Production model; promote another version or run 'wms models rollback' first (or pass --force to leave no Production model)",
                WmsErrorKind.Conflict);
        var run = await FindRunAsync(target.RunId, cancellationToken);
        if (target.Stage == ModelStage.Archived && !target.Aliases.Contains(RegistryNames.ProductionAlias))
            return new PromotionOutcome(false, "archive", target, null, run, $"version {version} is already Archived: nothing changed");

        foreach (var (key, value) in PromotionTags.Archive(actor, time.GetUtcNow(), reason ?? "archived by hand"))
            await registry.SetModelVersionTagAsync(modelName, version, key, value, cancellationToken);
        if (target.Aliases.Contains(RegistryNames.ProductionAlias))
            await registry.DeleteAliasAsync(modelName, RegistryNames.ProductionAlias, cancellationToken);
        var archived = await registry.TransitionStageAsync(modelName, version, ModelStage.Archived, cancellationToken: cancellationToken);
        return new PromotionOutcome(true, "archive", archived, null, run,
            isProduction ? $"version {version} archived; '{modelName}' has no Production model now" : $"version {version} archived");
    }

    private async Task<PromotionOutcome> PromoteAsync(ModelVersion target, Run? run, PromotionActor actor, string reason, string kind,
        CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var change = await registry.PromoteAsync(modelName, target.Version, PromotionTags.Promotion(actor, now, reason, kind), cancellationToken);
        if (!change.Changed)
            return new PromotionOutcome(false, kind, change.Current, null, run,
                $"version {target.Version} (run {target.RunId}) already is the Production model of '{modelName}': nothing changed");
        var previous = change.Previous;
        if (previous is not null)
        {
            foreach (var (key, value) in PromotionTags.Archive(actor, now, $"replaced by version {target.Version}"))
                await registry.SetModelVersionTagAsync(modelName, previous.Version, key, value, cancellationToken);
        }
        var message = $"version {target.Version} (run {target.RunId}) of '{modelName}' is Production now"
            + (previous is null ? "" : $"; version {previous.Version} archived with alias '{RegistryNames.PreviousAlias}'");
        return new PromotionOutcome(true, kind, change.Current, previous, run, message);
    }

    private async Task<Run?> FindRunAsync(string? runId, CancellationToken cancellationToken)
    {
        if (runId is null) return null;
        try
        {
            return await tracking.GetRunAsync(runId, cancellationToken);
        }
        catch (WmsException e) when (e.Kind == WmsErrorKind.NotFound)
        {
            return null;
        }
    }
}
