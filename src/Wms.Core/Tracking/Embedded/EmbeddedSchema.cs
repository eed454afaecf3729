namespace Wms.Core.Tracking.Embedded;

/// <summary>
/// The embedded store's tables, shaped after MLflow's own SQL store so the two behave alike
/// (params immutable, metrics keyed on every field so a repeated log is stored once, aliases
/// unique per model). <c>PRAGMA user_version</c> holds <see cref="Version"/>.
/// </summary>
internal static class EmbeddedSchema
{
    public const int Version = 1;

    public const string Create = """
        CREATE TABLE experiments (
            experiment_id    INTEGER PRIMARY KEY AUTOINCREMENT,
            name             TEXT NOT NULL UNIQUE,
            lifecycle_stage  TEXT NOT NULL DEFAULT 'active',
            creation_time    INTEGER NOT NULL,
            last_update_time INTEGER NOT NULL);
        CREATE TABLE experiment_tags (
            experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
            key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (experiment_id, key));
        CREATE TABLE runs (
            run_id        TEXT PRIMARY KEY,
            experiment_id INTEGER NOT NULL REFERENCES experiments(experiment_id),
            name          TEXT NOT NULL,
            status        TEXT NOT NULL,
            start_time    INTEGER NOT NULL,
            end_time      INTEGER);
        CREATE INDEX runs_by_experiment ON runs(experiment_id, start_time);
        CREATE TABLE params (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (run_id, key));
        CREATE TABLE tags (
            run_id TEXT NOT NULL REFERENCES runs(run_id),
            key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (run_id, key));
        CREATE TABLE metrics (
            run_id    TEXT NOT NULL REFERENCES runs(run_id),
            key       TEXT NOT NULL,
            value     REAL NOT NULL,
            is_nan    INTEGER NOT NULL,
            step      INTEGER NOT NULL,
            timestamp INTEGER NOT NULL,
            PRIMARY KEY (run_id, key, step, timestamp, value, is_nan)) WITHOUT ROWID;
        CREATE TABLE registered_models (
            name              TEXT PRIMARY KEY,
            description       TEXT NOT NULL DEFAULT '',
            creation_time     INTEGER NOT NULL,
            last_updated_time INTEGER NOT NULL);
        CREATE TABLE registered_model_tags (
            name TEXT NOT NULL REFERENCES registered_models(name),
            key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (name, key));
        CREATE TABLE model_versions (
            name              TEXT NOT NULL REFERENCES registered_models(name),
            version           INTEGER NOT NULL,
            run_id            TEXT,
            source            TEXT NOT NULL,
            artifact_path     TEXT,
            description       TEXT NOT NULL DEFAULT '',
            status            TEXT NOT NULL,
            current_stage     TEXT NOT NULL,
            creation_time     INTEGER NOT NULL,
            last_updated_time INTEGER NOT NULL,
            PRIMARY KEY (name, version));
        CREATE TABLE model_version_tags (
            name TEXT NOT NULL, version INTEGER NOT NULL,
            key TEXT NOT NULL, value TEXT NOT NULL,
            PRIMARY KEY (name, version, key),
            FOREIGN KEY (name, version) REFERENCES model_versions(name, version));
        CREATE TABLE registered_model_aliases (
            name TEXT NOT NULL, alias TEXT NOT NULL, version INTEGER NOT NULL,
            PRIMARY KEY (name, alias),
            FOREIGN KEY (name, version) REFERENCES model_versions(name, version));
        """;
}
