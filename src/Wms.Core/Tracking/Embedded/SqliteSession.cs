using Microsoft.Data.Sqlite;

namespace Wms.Core.Tracking.Embedded;

/// <summary>
/// One connection and its transaction. Writers take the write lock up front (BEGIN IMMEDIATE) so
/// two processes never deadlock on a read-to-write upgrade; readers get a consistent snapshot
/// (a deferred transaction, which WAL serves without blocking writers).
/// </summary>
internal sealed class SqliteSession : IDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteTransaction _transaction;

    private SqliteSession(SqliteConnection connection, bool write)
    {
        _connection = connection;
        _transaction = connection.BeginTransaction(deferred: !write);
    }

    public static SqliteSession Open(string connectionString, bool write)
    {
        var connection = new SqliteConnection(connectionString);
        try
        {
            connection.Open();
            using (var pragma = connection.CreateCommand())
            {
                // busy_timeout: wait for another process's write instead of failing with SQLITE_BUSY.
                pragma.CommandText = "PRAGMA busy_timeout = 30000; PRAGMA foreign_keys = ON;";
                pragma.ExecuteNonQuery();
            }
            return new SqliteSession(connection, write);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    public int Execute(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(sql, parameters);
        return command.ExecuteNonQuery();
    }

    public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(sql, parameters);
        var value = command.ExecuteScalar();
        return value is DBNull ? null : value;
    }

    public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
    {
        using var command = Create(sql, parameters);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read()) rows.Add(map(reader));
        return rows;
    }

    public void Commit() => _transaction.Commit();

    public void Dispose()
    {
        _transaction.Dispose();
        _connection.Dispose();
    }

    private SqliteCommand Create(string sql, (string Name, object? Value)[] parameters)
    {
        var command = _connection.CreateCommand();
        command.Transaction = _transaction;
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
