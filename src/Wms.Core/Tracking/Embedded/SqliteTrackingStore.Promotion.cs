using Wms.Core.Registry;

namespace Wms.Core.Tracking.Embedded;

public sealed partial class SqliteTrackingStore
{
    /// <inheritdoc />
    public Task<ProductionChange> PromoteAsync(string name, int version, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        foreach (var key in tags?.Keys ?? []) TrackingKeys.Validate("tag", key);
        // One IMMEDIATE transaction: two promotions at once run one after the other, never interleaved.
        return WriteAsync(session =>
        {
            var target = ReadVersion(session, name, version);
            var aliasHolder = session.Scalar("SELECT version FROM registered_model_aliases WHERE name = $n AND alias = $a",
                ("$n", name), ("$a", RegistryNames.ProductionAlias)) is { } held ? Convert.ToInt32(held, System.Globalization.CultureInfo.InvariantCulture) : (int?)null;
            var inProduction = session.Query("SELECT version FROM model_versions WHERE name = $n AND current_stage = 'Production' ORDER BY version DESC",
                r => r.GetInt32(0), ("$n", name));
            if (aliasHolder == version && inProduction.SequenceEqual([version]))
                return new ProductionChange(target, null, Changed: false);

            var previous = aliasHolder is { } a && a != version ? a : inProduction.Where(v => v != version).Cast<int?>().FirstOrDefault();
            var now = Now();
            session.Execute("UPDATE model_versions SET current_stage = 'Archived', last_updated_time = $t WHERE name = $n AND version <> $v AND current_stage = 'Production'",
                ("$n", name), ("$v", version), ("$t", now));
            if (previous is { } p)
            {
                SetStage(session, name, p, ModelStage.Archived, now);
                SetAlias(session, name, RegistryNames.PreviousAlias, p);
            }
            SetStage(session, name, version, ModelStage.Production, now);
            SetAlias(session, name, RegistryNames.ProductionAlias, version);
            foreach (var (key, value) in tags ?? new Dictionary<string, string>())
                UpsertVersionTag(session, name, version, key, value);
            TouchModel(session, name, now);
            return new ProductionChange(ReadVersion(session, name, version),
                previous is { } q ? ReadVersion(session, name, q) : null, Changed: true);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public async Task<string> DownloadModelVersionAsync(string name, int version, string localDirectory, CancellationToken cancellationToken = default)
    {
        var model = await GetModelVersionAsync(name, version, cancellationToken);
        if (model.RunId is null || model.ArtifactPath is null)
            throw WmsException.NotFound($"model '{name}' version {version} does not point at a run artifact ({model.Source})");
        var info = await ReadAsync(session => ReadRunInfo(session, model.RunId), cancellationToken);
        var source = LocalPath(RunArtifactDirectory(info.ExperimentId, info.RunId), model.ArtifactPath);
        if (!Directory.Exists(source))
            throw WmsException.NotFound($"the files of model '{name}' version {version} are missing: {source}");
        return await LocalFiles.ReplaceDirectoryAsync(localDirectory, temp => CopyTreeAsync(source, temp, cancellationToken));
    }
}
