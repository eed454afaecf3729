using Microsoft.Data.Sqlite;

namespace Wms.Core.Tracking.Embedded;

public sealed partial class SqliteTrackingStore
{
    private const string RunColumns = "run_id, experiment_id, name, status, start_time, end_time";

    /// <inheritdoc />
    public Task<Experiment> GetOrCreateExperimentAsync(string name, CancellationToken cancellationToken = default)
    {
        RequireName("experiment", name);
        return WriteAsync(session =>
        {
            var now = Now();
            session.Execute("INSERT INTO experiments(name, creation_time, last_update_time) VALUES ($n, $t, $t) ON CONFLICT(name) DO NOTHING",
                ("$n", name), ("$t", now));
            return FindExperiment(session, name)!;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Experiment?> FindExperimentAsync(string name, CancellationToken cancellationToken = default) =>
        ReadAsync(session => FindExperiment(session, name), cancellationToken);

    /// <inheritdoc />
    public Task<RunInfo> CreateRunAsync(string experimentId, string? runName = null,
        IReadOnlyDictionary<string, string>? tags = null, CancellationToken cancellationToken = default)
    {
        foreach (var key in tags?.Keys ?? []) TrackingKeys.Validate("tag", key);
        var runId = Guid.NewGuid().ToString("N");
        var name = string.IsNullOrWhiteSpace(runName) ? $"run-{runId[..8]}" : runName;
        return WriteAsync(session =>
        {
            if (session.Scalar("SELECT 1 FROM experiments WHERE experiment_id = $e", ("$e", ParseId(experimentId))) is null)
                throw WmsException.NotFound($"experiment {experimentId} not found ({Location})");
            session.Execute("INSERT INTO runs(run_id, experiment_id, name, status, start_time) VALUES ($r, $e, $n, 'RUNNING', $t)",
                ("$r", runId), ("$e", ParseId(experimentId)), ("$n", name), ("$t", Now()));
            var allTags = new Dictionary<string, string>(tags ?? new Dictionary<string, string>()) { ["mlflow.runName"] = name };
            foreach (var (key, value) in allTags)
                session.Execute("INSERT INTO tags(run_id, key, value) VALUES ($r, $k, $v)", ("$r", runId), ("$k", key), ("$v", value));
            return ReadRunInfo(session, runId);
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<Run> GetRunAsync(string runId, CancellationToken cancellationToken = default) =>
        ReadAsync(session => ReadRun(session, ReadRunInfo(session, runId)), cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Run>> SearchRunsAsync(string experimentId, int maxResults = 100, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Run>>(session => session
            .Query($"SELECT {RunColumns} FROM runs WHERE experiment_id = $e ORDER BY start_time DESC, run_id LIMIT $m",
                MapRunInfo, ("$e", ParseId(experimentId)), ("$m", maxResults))
            .Select(info => ReadRun(session, info)).ToList(), cancellationToken);

    /// <inheritdoc />
    public Task EndRunAsync(string runId, RunStatus status, CancellationToken cancellationToken = default) =>
        WriteAsync(session =>
        {
            if (session.Execute("UPDATE runs SET status = $s, end_time = $t WHERE run_id = $r",
                    ("$s", StatusName(status)), ("$t", Now()), ("$r", runId)) == 0)
                throw RunNotFound(runId);
            return 0;
        }, cancellationToken);

    /// <inheritdoc />
    public Task SetTagAsync(string runId, string key, string value, CancellationToken cancellationToken = default) =>
        LogBatchAsync(runId, tags: new Dictionary<string, string> { [key] = value }, cancellationToken: cancellationToken);

    private Experiment? FindExperiment(SqliteSession session, string name)
    {
        var id = session.Scalar("SELECT experiment_id FROM experiments WHERE name = $n", ("$n", name));
        if (id is null) return null;
        var experimentId = Convert.ToString(id, System.Globalization.CultureInfo.InvariantCulture)!;
        var tags = ReadPairs(session, "SELECT key, value FROM experiment_tags WHERE experiment_id = $e", ("$e", id));
        return new Experiment(experimentId, name, new Uri(Path.Combine(ArtifactRoot, experimentId)).AbsoluteUri, tags);
    }

    private RunInfo ReadRunInfo(SqliteSession session, string runId) =>
        session.Query($"SELECT {RunColumns} FROM runs WHERE run_id = $r", MapRunInfo, ("$r", runId)).FirstOrDefault()
            ?? throw RunNotFound(runId);

    private RunInfo MapRunInfo(SqliteDataReader r)
    {
        var runId = r.GetString(0);
        var experimentId = r.GetInt64(1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return new RunInfo(runId, experimentId, r.GetString(2), Enum.Parse<RunStatus>(r.GetString(3), ignoreCase: true),
            Timestamps.FromMs(r.GetInt64(4)), r.IsDBNull(5) ? null : Timestamps.FromMs(r.GetInt64(5)),
            new Uri(RunArtifactDirectory(experimentId, runId)).AbsoluteUri);
    }

    private static Run ReadRun(SqliteSession session, RunInfo info)
    {
        var latest = session.Query("""
            SELECT key, value, is_nan, step, timestamp FROM (
                SELECT *, ROW_NUMBER() OVER (PARTITION BY key ORDER BY step DESC, timestamp DESC, value DESC) AS rank
                FROM metrics WHERE run_id = $r)
            WHERE rank = 1 ORDER BY key
            """, MapMetric, ("$r", info.RunId));
        return new Run(info,
            latest.ToDictionary(m => m.Key, StringComparer.Ordinal),
            ReadPairs(session, "SELECT key, value FROM params WHERE run_id = $r ORDER BY rowid", ("$r", info.RunId)),
            ReadPairs(session, "SELECT key, value FROM tags WHERE run_id = $r ORDER BY rowid", ("$r", info.RunId)));
    }

    private static Metric MapMetric(SqliteDataReader r) =>
        new(r.GetString(0), r.GetInt64(2) != 0 ? double.NaN : r.GetDouble(1), r.GetInt64(3), Timestamps.FromMs(r.GetInt64(4)));

    private string RunArtifactDirectory(string experimentId, string runId) =>
        Path.Combine(ArtifactRoot, experimentId, runId, "artifacts");

    private static string StatusName(RunStatus status) => status.ToString().ToUpperInvariant();

    private WmsException RunNotFound(string runId) => WmsException.NotFound($"run {runId} not found ({Location})");

    private static long ParseId(string experimentId) =>
        long.TryParse(experimentId, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id)
            ? id
            : throw WmsException.NotFound($"experiment {experimentId} not found: ids are numbers");

    private static void RequireName(string kind, string name)
    {
        if (string.IsNullOrWhiteSpace(name)) throw new WmsException($"the {kind} name must not be empty");
    }
}
