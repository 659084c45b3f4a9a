using System.Data.Common;

namespace DealPipeline.Infrastructure;

/// <summary>
/// Group commit for SQLite, which has one writer at a time and ends each transaction with an fsync
/// (<c>synchronous=FULL</c>). Writers of this process take turns at one gate, as before; what changes is
/// that a writer who finds others queued behind it does not commit: it releases its savepoint and leaves
/// the transaction open, the next writer runs its own unit of work in a savepoint of the same
/// transaction, and one COMMIT (one fsync) ends them all. Each writer is answered only after that
/// commit, so a 2xx is still on disk; a writer that fails rolls back to its savepoint, undoing its own
/// statements and nobody else's. The first writer to leave a group open queues at the gate again, behind
/// the writers it saw waiting, and commits the group when its turn comes back (unless a later member,
/// finding nobody queued, committed it first): a group never waits on a timer, and a lone writer commits
/// at once, as before. A group holds at most <see cref="MaxWrites"/> writes.
/// </summary>
public sealed class GroupCommit : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly Func<CancellationToken, Task<DbConnection>> _open;
    private readonly SqlDialect _dialect;
    private int _waiting;
    private Group? _current;

    public GroupCommit(Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect, int maxWrites)
    {
        ArgumentNullException.ThrowIfNull(open);
        ArgumentNullException.ThrowIfNull(dialect);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWrites, 1);
        _open = open;
        _dialect = dialect;
        MaxWrites = maxWrites;
    }

    /// <summary>The most units of work one commit ends (Database:GroupCommitMaxWrites); 1 commits each on its own.</summary>
    public int MaxWrites { get; }

    /// <summary>Writers waiting for their turn at the gate now (a diagnostic figure).</summary>
    public int Queued => Volatile.Read(ref _waiting);

    /// <summary>Waits for this writer's turn and opens its savepoint, in the open group or a new one.</summary>
    public async Task<Member> JoinAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _gate.WaitAsync(cancellationToken);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        try
        {
            var group = _current ??= await Group.BeginAsync(_open, _dialect, cancellationToken);
            var savepoint = "w" + (++group.Writes).ToString(System.Globalization.CultureInfo.InvariantCulture);
            await Traced("SAVEPOINT", () => group.Transaction.SaveAsync(savepoint, CancellationToken.None));
            return new Member(this, group, savepoint);
        }
        catch (Exception e)
        {
            if (_current is { } group)
            {
                await (group.Released == 0 ? CloseAsync(group, failure: null) : CloseAsync(group, new WriteGroupAbortedException(e)));
            }

            _gate.Release();
            throw;
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>Commits or rolls back the open group; called holding the gate.</summary>
    private async Task CloseAsync(Group group, Exception? failure)
    {
        _current = null;
        if (failure is null && group.Released > 0)
        {
            try
            {
                await Traced("COMMIT", () => group.Transaction.CommitAsync(CancellationToken.None));
                DbTelemetry.GroupCommitted(group.Released);
            }
            catch (Exception e)
            {
                // One write's deferred check can fail the commit of all: the others are told so, and retried on their own.
                failure = group.Released == 1 ? e : new WriteGroupAbortedException(e);
            }
        }

        if (failure is not null || group.Released == 0)
        {
            try
            {
                await Traced("ROLLBACK", () => group.Transaction.RollbackAsync(CancellationToken.None));
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // SQLite already rolled it back (the error that broke the group did), or the connection is gone.
            }
        }

        try
        {
            await group.Transaction.DisposeAsync();
            await group.Connection.DisposeAsync();
        }
        finally
        {
            // Whatever happens to the connection, the writers waiting on the group are answered.
            group.End(failure);
        }
    }

    /// <summary>Times and traces one of the group's own statements, as <see cref="DbSession"/> does the writers' statements.</summary>
    private async Task Traced(string statement, Func<Task> run)
    {
        using var measurement = DbTelemetry.Start(_dialect, statement);
        try
        {
            await run();
        }
        catch (Exception e)
        {
            measurement.Failed(e);
            throw;
        }
    }

    /// <summary>One writer's part of a group: its savepoint on the group's connection.</summary>
    public sealed class Member(GroupCommit owner, Group group, string savepoint)
    {
        public DbConnection Connection => group.Connection;

        public DbTransaction Transaction => group.Transaction;

        /// <summary>Releases the savepoint and answers once the group that holds it is on disk (or throws what failed it).</summary>
        public async Task CommitAsync()
        {
            var deferred = false;
            try
            {
                try
                {
                    await owner.Traced("RELEASE", () => group.Transaction.ReleaseAsync(savepoint, CancellationToken.None));
                    group.Released++;
                }
                catch (Exception e)
                {
                    await owner.CloseAsync(group, new WriteGroupAbortedException(e));
                    throw;
                }

                if (Volatile.Read(ref owner._waiting) == 0 || group.Writes >= owner.MaxWrites)
                {
                    await owner.CloseAsync(group, failure: null);
                }
                else if (!group.HasCommitter)
                {
                    group.HasCommitter = deferred = true;
                }
            }
            finally
            {
                owner._gate.Release();
            }

            if (deferred)
            {
                // Back in the queue, behind the writers who were waiting: they join this group, and the
                // group is committed when this writer's turn comes round again.
                await owner._gate.WaitAsync(CancellationToken.None);
                try
                {
                    if (ReferenceEquals(owner._current, group))
                    {
                        await owner.CloseAsync(group, failure: null);
                    }
                }
                finally
                {
                    owner._gate.Release();
                }
            }

            await group.Completion;
        }

        /// <summary>Undoes this writer's statements only; the group goes on, or is dropped if nobody in it has released.</summary>
        public async Task<Group> RollbackAsync()
        {
            try
            {
                await owner.Traced("ROLLBACK TO", () => group.Transaction.RollbackAsync(savepoint, CancellationToken.None));
                await owner.Traced("RELEASE", () => group.Transaction.ReleaseAsync(savepoint, CancellationToken.None));
                if (group.Released == 0 && ReferenceEquals(owner._current, group))
                {
                    await owner.CloseAsync(group, failure: null);
                }
            }
            catch (Exception e) when (e is DbException or InvalidOperationException)
            {
                // The error that failed this writer ended the whole transaction (SQLite rolls back on a full
                // disk or an I/O error): the others in the group lost their writes too and are told so.
                if (ReferenceEquals(owner._current, group))
                {
                    await owner.CloseAsync(group, new WriteGroupAbortedException(e));
                }
            }
            finally
            {
                owner._gate.Release();
            }

            return group;
        }
    }

    /// <summary>One transaction on one connection, shared by the writers who joined it.</summary>
    public sealed class Group
    {
        private readonly TaskCompletionSource _done = new(TaskCreationOptions.RunContinuationsAsynchronously);

        private Group(DbConnection connection, DbTransaction transaction)
        {
            Connection = connection;
            Transaction = transaction;
        }

        internal DbConnection Connection { get; }

        internal DbTransaction Transaction { get; }

        /// <summary>Savepoints opened in it.</summary>
        internal int Writes { get; set; }

        /// <summary>Savepoints released: the writes that commit with it.</summary>
        internal int Released { get; set; }

        internal bool HasCommitter { get; set; }

        /// <summary>Completes when the group is committed, and faults with what failed it otherwise.</summary>
        public Task Completion => _done.Task;

        internal static async Task<Group> BeginAsync(Func<CancellationToken, Task<DbConnection>> open, SqlDialect dialect, CancellationToken cancellationToken)
        {
            var connection = await open(cancellationToken);
            try
            {
                // BEGIN IMMEDIATE: the write lock is taken up front; only another process's writer can make SQLite busy.
                using var measurement = DbTelemetry.Start(dialect, "BEGIN");
                return new Group(connection, await connection.BeginTransactionAsync(cancellationToken));
            }
            catch
            {
                await connection.DisposeAsync();
                throw;
            }
        }

        internal void End(Exception? failure)
        {
            if (failure is null)
            {
                _done.TrySetResult();
            }
            else
            {
                _done.TrySetException(failure);
            }
        }
    }
}

/// <summary>
/// Another unit of work in the same SQLite commit group failed in a way that ended the shared transaction
/// (a full disk, an I/O error) or the commit itself failed: this one was not written either. Transient: the
/// unit of work is retried on its own.
/// </summary>
public sealed class WriteGroupAbortedException(Exception inner)
    : Exception("The group commit this write was part of was rolled back; nothing of it was written.", inner);
