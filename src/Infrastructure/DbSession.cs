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
    private DbTransaction? _transaction;
    private GroupCommit.Member? _member;
    private GroupCommit.Group? _lastGroup;
    private bool _replica;

    public SqlDialect Dialect => database.Dialect;

    /// <summary>How many units of work (transactions) this session has begun: what a unit of work remembers is keyed by it.</summary>
    public int UnitsBegun { get; private set; }

    /// <summary>The open transaction: this session's own, or on SQLite the commit group's it has joined.</summary>
    public DbTransaction? Transaction => _member?.Transaction ?? _transaction;

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

        UnitsBegun++;

        // On SQLite, writers of this process take turns before the database sees them, and share
        // commits (see GroupCommit): this session's statements run in a savepoint of the group's
        // transaction, on the group's connection, until CommitAsync or RollbackAsync.
        if (database.Groups is { } groups)
        {
            _member = await groups.JoinAsync(cancellationToken);
            return;
        }

        var connection = await ConnectionAsync(cancellationToken);
        _transaction = await connection.BeginTransactionAsync(cancellationToken);
    }

    /// <summary>Commits; on SQLite, answers once the commit group holding this unit of work is on disk.</summary>
    public async Task CommitAsync(CancellationToken cancellationToken)
    {
        if (_member is { } member)
        {
            _member = null;
            await member.CommitAsync();
            return;
        }

        if (_transaction is null)
        {
            return;
        }

        try
        {
            await _transaction.CommitAsync(cancellationToken);
        }
        catch
        {
            await RollbackAsync();
            throw;
        }

        await _transaction.DisposeAsync();
        _transaction = null;
    }

    /// <summary>
    /// After a rollback: waits until the commit group this session was part of has ended, so that what
    /// the others in it wrote (and this session saw) is committed or gone before it is read elsewhere.
    /// </summary>
    public async Task SettleAsync()
    {
        if (_lastGroup is { } group)
        {
            _lastGroup = null;
            await group.Completion.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }
    }

    public async Task RollbackAsync()
    {
        if (_member is { } member)
        {
            _member = null;
            _lastGroup = await member.RollbackAsync();
            return;
        }

        if (_transaction is null)
        {
            return;
        }

        try
        {
            await _transaction.RollbackAsync(CancellationToken.None);
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
            await _transaction.DisposeAsync();
            _transaction = null;
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
        var connection = _member?.Connection ?? await ConnectionAsync(cancellationToken);
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
