using Microsoft.Data.Sqlite;
using Wms.Core.Registry;

namespace Wms.Core.Tracking.Embedded;

public sealed partial class SqliteTrackingStore
{
    private const string VersionColumns =
        "name, version, run_id, source, artifact_path, description, status, current_stage, creation_time, last_updated_time";

    /// <inheritdoc />
    public Task<RegisteredModel> GetOrCreateRegisteredModelAsync(string name, CancellationToken cancellationToken = default)
    {
        RequireName("registered model", name);
        return WriteAsync(session =>
        {
            EnsureRegisteredModel(session, name);
            return FindRegisteredModel(session, name)!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<RegisteredModel?> FindRegisteredModelAsync(string name, CancellationToken cancellationToken = default) =>
        ReadAsync(session => FindRegisteredModel(session, name), cancellationToken);

    /// <inheritdoc />
    public async Task<ModelVersion> CreateModelVersionAsync(string name, string runId, string artifactPath,
        string? description = null, IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        RequireName("registered model", name);
        var path = ArtifactPaths.Normalize(artifactPath);
        foreach (var key in tags?.Keys ?? []) TrackingKeys.Validate("tag", key);
        var root = await RunArtifactRootAsync(runId, cancellationToken);
        var folder = LocalPath(root, path);
        if (path.Length == 0 || !Directory.Exists(folder) || !Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Any())
            throw WmsException.NotFound($"run {runId} has no model artifact '{path}' to register (the folder is missing or empty; {Location})");
        return await WriteAsync(session =>
        {
            EnsureRegisteredModel(session, name);
            var version = Convert.ToInt32(session.Scalar("SELECT COALESCE(MAX(version), 0) + 1 FROM model_versions WHERE name = $n", ("$n", name)),
                System.Globalization.CultureInfo.InvariantCulture);
            var now = Now();
            session.Execute($"INSERT INTO model_versions({VersionColumns}) VALUES ($n, $v, $r, $s, $p, $d, 'READY', 'None', $t, $t)",
                ("$n", name), ("$v", version), ("$r", runId), ("$s", $"runs:/{runId}/{path}"), ("$p", path),
                ("$d", description ?? ""), ("$t", now));
            foreach (var (key, value) in tags ?? new Dictionary<string, string>())
                UpsertVersionTag(session, name, version, key, value);
            TouchModel(session, name, now);
            return ReadVersion(session, name, version);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<ModelVersion> GetModelVersionAsync(string name, int version, CancellationToken cancellationToken = default) =>
        ReadAsync(session => ReadVersion(session, name, version), cancellationToken);

    /// <inheritdoc />
    public Task<ModelVersion?> FindModelVersionByAliasAsync(string name, string alias, CancellationToken cancellationToken = default) =>
        ReadAsync(session =>
        {
            var version = session.Scalar("SELECT version FROM registered_model_aliases WHERE name = $n AND alias = $a", ("$n", name), ("$a", alias));
            return version is null ? null : ReadVersion(session, name, Convert.ToInt32(version, System.Globalization.CultureInfo.InvariantCulture));
        }, cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<ModelVersion>> ListModelVersionsAsync(string name, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<ModelVersion>>(session => session
            .Query($"SELECT {VersionColumns} FROM model_versions WHERE name = $n ORDER BY version DESC", r => MapVersion(session, r), ("$n", name)),
            cancellationToken);

    /// <inheritdoc />
    public Task<ModelVersion> TransitionStageAsync(string name, int version, ModelStage stage,
        bool archiveExistingVersions = false, CancellationToken cancellationToken = default) =>
        WriteAsync(session =>
        {
            ReadVersion(session, name, version);
            var now = Now();
            if (archiveExistingVersions && stage is ModelStage.Staging or ModelStage.Production)
            {
                session.Execute("UPDATE model_versions SET current_stage = 'Archived', last_updated_time = $t WHERE name = $n AND version <> $v AND current_stage = $s",
                    ("$n", name), ("$v", version), ("$s", RegistryText.Stage(stage)), ("$t", now));
            }
            SetStage(session, name, version, stage, now);
            return ReadVersion(session, name, version);
        }, cancellationToken);

    /// <inheritdoc />
    public Task SetAliasAsync(string name, string alias, int version, CancellationToken cancellationToken = default)
    {
        RegistryText.ValidateAlias(alias);
        return WriteAsync(session =>
        {
            ReadVersion(session, name, version);
            SetAlias(session, name, alias, version);
            TouchModel(session, name, Now());
            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task DeleteAliasAsync(string name, string alias, CancellationToken cancellationToken = default) =>
        WriteAsync(session =>
        {
            RequireModel(session, name);
            session.Execute("DELETE FROM registered_model_aliases WHERE name = $n AND alias = $a", ("$n", name), ("$a", alias));
            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task SetModelVersionTagAsync(string name, int version, string key, string value, CancellationToken cancellationToken = default)
    {
        TrackingKeys.Validate("tag", key);
        return WriteAsync(session =>
        {
            ReadVersion(session, name, version);
            UpsertVersionTag(session, name, version, key, value);
            return 0;
        }, cancellationToken);
    }

    private void EnsureRegisteredModel(SqliteSession session, string name) =>
        session.Execute("INSERT INTO registered_models(name, creation_time, last_updated_time) VALUES ($n, $t, $t) ON CONFLICT(name) DO NOTHING",
            ("$n", name), ("$t", Now()));

    private static RegisteredModel? FindRegisteredModel(SqliteSession session, string name)
    {
        var rows = session.Query("SELECT description, creation_time, last_updated_time FROM registered_models WHERE name = $n",
            r => (Description: r.GetString(0), Created: r.GetInt64(1), Updated: r.GetInt64(2)), ("$n", name));
        if (rows.Count == 0) return null;
        var aliases = session.Query("SELECT alias, version FROM registered_model_aliases WHERE name = $n ORDER BY alias",
            r => (r.GetString(0), r.GetInt32(1)), ("$n", name)).ToDictionary(a => a.Item1, a => a.Item2, StringComparer.Ordinal);
        var tags = ReadPairs(session, "SELECT key, value FROM registered_model_tags WHERE name = $n", ("$n", name));
        var row = rows[0];
        return new RegisteredModel(name, row.Description, Timestamps.FromMs(row.Created), Timestamps.FromMs(row.Updated), tags, aliases);
    }

    private void RequireModel(SqliteSession session, string name)
    {
        if (session.Scalar("SELECT 1 FROM registered_models WHERE name = $n", ("$n", name)) is null)
            throw WmsException.NotFound($"registered model '{name}' not found ({Location})");
    }

    private ModelVersion ReadVersion(SqliteSession session, string name, int version)
    {
        RequireModel(session, name);
        return session.Query($"SELECT {VersionColumns} FROM model_versions WHERE name = $n AND version = $v",
                   r => MapVersion(session, r), ("$n", name), ("$v", version)).FirstOrDefault()
               ?? throw WmsException.NotFound($"model '{name}' has no version {version} ({Location})");
    }

    private static ModelVersion MapVersion(SqliteSession session, SqliteDataReader r)
    {
        var name = r.GetString(0);
        var version = r.GetInt32(1);
        var tags = ReadPairs(session, "SELECT key, value FROM model_version_tags WHERE name = $n AND version = $v", ("$n", name), ("$v", version));
        var aliases = session.Query("SELECT alias FROM registered_model_aliases WHERE name = $n AND version = $v ORDER BY alias",
            a => a.GetString(0), ("$n", name), ("$v", version));
        return new ModelVersion(name, version, RegistryText.ParseStage(r.GetString(7)), RegistryText.ParseStatus(r.GetString(6)),
            r.IsDBNull(2) ? null : r.GetString(2), r.GetString(3), r.IsDBNull(4) ? null : r.GetString(4), r.GetString(5),
            Timestamps.FromMs(r.GetInt64(8)), Timestamps.FromMs(r.GetInt64(9)), tags, aliases);
    }

    private static void SetStage(SqliteSession session, string name, int version, ModelStage stage, long now) =>
        session.Execute("UPDATE model_versions SET current_stage = $s, last_updated_time = $t WHERE name = $n AND version = $v",
            ("$n", name), ("$v", version), ("$s", RegistryText.Stage(stage)), ("$t", now));

    private static void SetAlias(SqliteSession session, string name, string alias, int version) =>
        session.Execute("INSERT INTO registered_model_aliases(name, alias, version) VALUES ($n, $a, $v) ON CONFLICT(name, alias) DO UPDATE SET version = excluded.version",
            ("$n", name), ("$a", alias), ("$v", version));

    private static void UpsertVersionTag(SqliteSession session, string name, int version, string key, string value) =>
        session.Execute("INSERT INTO model_version_tags(name, version, key, value) VALUES ($n, $v, $k, $x) ON CONFLICT(name, version, key) DO UPDATE SET value = excluded.value",
            ("$n", name), ("$v", version), ("$k", key), ("$x", value));

    private static void TouchModel(SqliteSession session, string name, long now) =>
        session.Execute("UPDATE registered_models SET last_updated_time = $t WHERE name = $n", ("$n", name), ("$t", now));
}
