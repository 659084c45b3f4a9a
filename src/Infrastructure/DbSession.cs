using System.Data.Common;
using Dapper;

namespace DealPipeline.Infrastructure;

/// <summary>
/// The connection of one request, and its transaction when the request is a command. Handlers
/// run their SQL through it so that a command's statements all share one transaction.
/// </summary>
public sealed class DbSession(Database database) : IAsyncDisposable
{
    private DbConnection? _connection;
    private IDisposable? _writeTurn;
    private bool _replica;

    public SqlDialect Dialect => database.Dialect;

    public DbTransaction? Transaction { get; private set; }

    public async Task<DbConnection> ConnectionAsync(CancellationToken cancellationToken) =>
        _connection ??= await database.OpenAsync(_replica, cancellationToken);

    /// <summary>
    /// Reads of this session go to the read replica (Database:ReadConnectionString) from now on: for
    /// reports and exports, which may lag the primary a little. Refused inside a transaction; a
    /// connection already open to the primary (authentication's look-up) is closed first.
    /// </summary>
    public async Task PreferReplicaAsync()
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction reads and writes the primary.");
        }

        if (_replica || database.ReadConnectionString == database.ConnectionString)
        {
            return;
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }

        _replica = true;
    }

    public async Task BeginAsync(CancellationToken cancellationToken)
    {
        if (Transaction is not null)
        {
            throw new InvalidOperationException("A transaction is already open.");
        }

        var connection = await ConnectionAsync(cancellationToken);

        // On SQLite, writers of this process take turns before the database sees them, and
        // BEGIN is IMMEDIATE: the write lock is taken up front, so two commands never deadlock
        // upgrading read locks. Only another process's writer can still make SQLite busy.
        _writeTurn = await database.EnterWriteAsync(cancellationToken);
        try
        {
            Transaction = await connection.BeginTransactionAsync(cancellationToken);
        }
        catch
        {
            EndWriteTurn();
            throw;
        }
    }

    private void EndWriteTurn()
    {
        _writeTurn?.Dispose();
        _writeTurn = null;
    }

    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (Transaction is null)
        {
            return;
        }

        try
        {
            await Transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await RollbackAsync();
            throw;
        }

        await Transaction.DisposeAsync();
        Transaction = null;
        EndWriteTurn();
    }

    public async Task RollbackAsync()
    {
        if (Transaction is null)
        {
            return;
        }

        try
        {
            await Transaction.RollbackAsync(CancellationToken.None);
        }
        catch (DbException)
        {
            // The connection is gone or the transaction already ended: nothing left to undo.
        }
        catch (InvalidOperationException)
        {
            // The transaction has already completed.
        }
        finally
        {
            await Transaction.DisposeAsync();
            Transaction = null;
            EndWriteTurn();
        }
    }

    public Task<IEnumerable<T>> QueryAsync<T>(string sql, object? param, CancellationToken cancellationToken) =>
        RunAsync(sql, param, static (connection, command) => connection.QueryAsync<T>(command), cancellationToken);

    public Task<T?> QuerySingleOrDefaultAsync<T>(string sql, object? param, CancellationToken cancellationToken) =>
        RunAsync(sql, param, static (connection, command) => connection.QuerySingleOrDefaultAsync<T>(command), cancellationToken);

    public Task<T> QuerySingleAsync<T>(string sql, object? param, CancellationToken cancellationToken) =>
        RunAsync(sql, param, static (connection, command) => connection.QuerySingleAsync<T>(command), cancellationToken);

    public Task<T?> ExecuteScalarAsync<T>(string sql, object? param, CancellationToken cancellationToken) =>
        RunAsync(sql, param, static (connection, command) => connection.ExecuteScalarAsync<T>(command), cancellationToken);

    public Task<int> ExecuteAsync(string sql, object? param, CancellationToken cancellationToken) =>
        RunAsync(sql, param, static (connection, command) => connection.ExecuteAsync(command), cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await RollbackAsync();
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
            _connection = null;
        }
    }

    /// <summary>Runs one statement on this session's connection (and transaction), timed and traced (see <see cref="DbTelemetry"/>).</summary>
    private async Task<T> RunAsync<T>(string sql, object? param, Func<DbConnection, CommandDefinition, Task<T>> run, CancellationToken cancellationToken)
    {
        var connection = await ConnectionAsync(cancellationToken);
        database.Dialect.OnExecuting(sql);
        using var measurement = DbTelemetry.Start(database.Dialect, sql);
        try
        {
            return await run(connection, new CommandDefinition(sql, param, Transaction, cancellationToken: cancellationToken));
        }
        catch (Exception e)
        {
            measurement.Failed(e);
            throw;
        }
    }
}
