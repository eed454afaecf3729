using Microsoft.Data.Sqlite;
using Wms.Core.Registry;

namespace Wms.Core.Tracking.Embedded;

/// <summary>
/// The embedded backend: a SQLite database (<c>tracking.db</c>, WAL mode) plus an artifact folder
/// (<c>artifacts/&lt;experiment&gt;/&lt;run&gt;/artifacts/...</c>, MLflow's layout) under one root,
/// <c>.wms/</c> by default. Several processes may use it at once: every write is one IMMEDIATE
/// transaction and waits (up to 30 s) for another process's write to finish. Nothing touches the
/// disk before the first call.
/// </summary>
public sealed partial class SqliteTrackingStore : ITrackingStore, IModelRegistry, IDisposable
{
    private readonly TimeProvider _time;
    private readonly string _connectionString;
    private readonly SemaphoreSlim _initLock = new(1, 1);
    private volatile bool _initialized;

    /// <param name="rootDirectory">The store's folder (created on first use).</param>
    /// <param name="time">Clock for start/end times and registry timestamps.</param>
    public SqliteTrackingStore(string rootDirectory, TimeProvider? time = null)
    {
        RootDirectory = Path.GetFullPath(rootDirectory);
        _time = time ?? TimeProvider.System;
        _connectionString = new SqliteConnectionStringBuilder
        {
            DataSource = DatabasePath,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = true,
            DefaultTimeout = 60,
        }.ToString();
    }

    /// <summary>The store's folder.</summary>
    public string RootDirectory { get; }

    /// <summary>The SQLite database file.</summary>
    public string DatabasePath => Path.Combine(RootDirectory, "tracking.db");

    /// <summary>The folder run artifacts are kept in.</summary>
    public string ArtifactRoot => Path.Combine(RootDirectory, "artifacts");

    /// <inheritdoc />
    public string Location => $"embedded store at {RootDirectory}";

    /// <summary>Releases pooled connections so the folder can be deleted or moved.</summary>
    public void Dispose()
    {
        using var connection = new SqliteConnection(_connectionString);
        SqliteConnection.ClearPool(connection);
    }

    private long Now() => Timestamps.ToMs(_time.GetUtcNow());

    private Task<T> ReadAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken) =>
        RunAsync(work, write: false, cancellationToken);

    private Task<T> WriteAsync<T>(Func<SqliteSession, T> work, CancellationToken cancellationToken) =>
        RunAsync(work, write: true, cancellationToken);

    private async Task<T> RunAsync<T>(Func<SqliteSession, T> work, bool write, CancellationToken cancellationToken)
    {
        await EnsureInitializedAsync(cancellationToken);
        // Off the caller's thread: a write may wait for another process's transaction.
        return await Task.Run(() =>
        {
            try
            {
                using var session = SqliteSession.Open(_connectionString, write);
                var result = work(session);
                if (write) session.Commit();
                return result;
            }
            catch (SqliteException e) when (e.SqliteErrorCode is 5 or 6)
            {
                throw new WmsException($"{Location} stayed locked by another process for too long: {e.Message}",
                    WmsErrorKind.DependencyUnavailable, e);
            }
        }, cancellationToken);
    }

    private async Task EnsureInitializedAsync(CancellationToken cancellationToken)
    {
        if (_initialized) return;
        await _initLock.WaitAsync(cancellationToken);
        try
        {
            if (_initialized) return;
            Directory.CreateDirectory(ArtifactRoot);
            await Task.Run(CreateSchema, cancellationToken);
            _initialized = true;
        }
        finally
        {
            _initLock.Release();
        }
    }

    private void CreateSchema()
    {
        using (var connection = new SqliteConnection(_connectionString))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            // WAL lets readers (serving polls, `wms models list`) run while a training writes.
            command.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }
        using var session = SqliteSession.Open(_connectionString, write: true);
        var version = Convert.ToInt32(session.Scalar("PRAGMA user_version"), System.Globalization.CultureInfo.InvariantCulture);
        if (version > EmbeddedSchema.Version)
            throw new WmsException($"{DatabasePath} was written by a newer wms (schema {version}, this one knows {EmbeddedSchema.Version})");
        if (version == 0)
        {
            session.Execute(EmbeddedSchema.Create);
            session.Execute($"PRAGMA user_version = {EmbeddedSchema.Version}");
        }
        session.Commit();
    }

    private static Dictionary<string, string> ReadPairs(SqliteSession session, string sql, params (string, object?)[] parameters) =>
        session.Query(sql, r => (r.GetString(0), r.GetString(1)), parameters)
            .ToDictionary(p => p.Item1, p => p.Item2, StringComparer.Ordinal);
}
