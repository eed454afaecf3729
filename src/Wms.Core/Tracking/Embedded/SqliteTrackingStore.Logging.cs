namespace Wms.Core.Tracking.Embedded;

public sealed partial class SqliteTrackingStore
{
    /// <inheritdoc />
    public Task LogBatchAsync(string runId, IReadOnlyList<Metric>? metrics = null,
        IReadOnlyDictionary<string, string>? parameters = null, IReadOnlyDictionary<string, string>? tags = null,
        CancellationToken cancellationToken = default)
    {
        foreach (var m in metrics ?? []) TrackingKeys.Validate("metric", m.Key);
        foreach (var key in parameters?.Keys ?? []) TrackingKeys.Validate("param", key);
        foreach (var key in tags?.Keys ?? []) TrackingKeys.Validate("tag", key);
        return WriteAsync(session =>
        {
            ReadRunInfo(session, runId);
            foreach (var (key, value) in parameters ?? new Dictionary<string, string>())
            {
                var stored = session.Scalar("SELECT value FROM params WHERE run_id = $r AND key = $k", ("$r", runId), ("$k", key)) as string;
                if (stored is null)
                    session.Execute("INSERT INTO params(run_id, key, value) VALUES ($r, $k, $v)", ("$r", runId), ("$k", key), ("$v", value));
                else if (stored != value)
                    throw new WmsException($"Changing param values is not allowed. Param with key='{key}' was already logged with value='{stored}' for run ID='{runId}'. Attempted logging new value '{value}'.");
            }
            foreach (var (key, value) in tags ?? new Dictionary<string, string>())
            {
                session.Execute("INSERT INTO tags(run_id, key, value) VALUES ($r, $k, $v) ON CONFLICT(run_id, key) DO UPDATE SET value = excluded.value",
                    ("$r", runId), ("$k", key), ("$v", value));
                if (key == "mlflow.runName")
                    session.Execute("UPDATE runs SET name = $v WHERE run_id = $r", ("$r", runId), ("$v", value));
            }
            foreach (var metric in metrics ?? [])
            {
                var isNan = double.IsNaN(metric.Value);
                session.Execute("INSERT OR IGNORE INTO metrics(run_id, key, value, is_nan, step, timestamp) VALUES ($r, $k, $v, $n, $s, $t)",
                    ("$r", runId), ("$k", metric.Key), ("$v", isNan ? 0.0 : metric.Value), ("$n", isNan ? 1 : 0),
                    ("$s", metric.Step), ("$t", Timestamps.ToMs(metric.Timestamp)));
            }
            return 0;
        }, cancellationToken);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Metric>> GetMetricHistoryAsync(string runId, string key, CancellationToken cancellationToken = default) =>
        ReadAsync<IReadOnlyList<Metric>>(session =>
        {
            ReadRunInfo(session, runId);
            return session.Query("SELECT key, value, is_nan, step, timestamp FROM metrics WHERE run_id = $r AND key = $k ORDER BY step, timestamp, value",
                MapMetric, ("$r", runId), ("$k", key));
        }, cancellationToken);

    /// <inheritdoc />
    public Task LogModelAsync(string runId, string modelJson, CancellationToken cancellationToken = default)
    {
        ModelJson.Validate(modelJson);
        return WriteAsync(session =>
        {
            ReadRunInfo(session, runId);
            var history = session.Scalar("SELECT value FROM tags WHERE run_id = $r AND key = $k",
                ("$r", runId), ("$k", LoggedModelHistory.TagKey)) as string;
            session.Execute("INSERT INTO tags(run_id, key, value) VALUES ($r, $k, $v) ON CONFLICT(run_id, key) DO UPDATE SET value = excluded.value",
                ("$r", runId), ("$k", LoggedModelHistory.TagKey), ("$v", LoggedModelHistory.Append(history, modelJson)));
            return 0;
        }, cancellationToken);
    }
}
