using Dapper;
using DealPipeline.Infrastructure;
using Microsoft.Data.Sqlite;

namespace DealPipeline.Api.Tests;

/// <summary>
/// Group commit on a real SQLite file: writers queued behind one another share one commit, each is
/// answered only once that commit is on disk (what another connection reads at that moment proves it),
/// a failing writer undoes its own statements and nobody else's, and a commit that fails is no one's.
/// Each test holds the first writer's turn open until the others are queued, so the grouping is
/// arranged, not left to timing.
/// </summary>
public sealed class GroupCommitTests : IDisposable
{
    private readonly TempFolder _folder = new("group-commit");

    [Fact]
    public async Task Writers_queued_behind_an_open_write_commit_with_it_and_are_answered_after_that_commit()
    {
        using var database = await Open(maxWrites: 64);
        var first = await BeginWith(database, "a");
        var others = Enumerable.Range(1, 7).Select(i => WriteAndCount(database, "w" + i)).ToList();
        await QueuedAsync(database, 7);

        await first.CommitAsync(default);
        var seen = await Task.WhenAll(others);

        // Each writer, on its answer, already finds all eight rows on disk: one commit wrote them all.
        Assert.Equal(Enumerable.Repeat(8L, 7), seen);
        Assert.Equal(8, await Count(database));
        await first.DisposeAsync();
    }

    [Fact]
    public async Task A_failing_writer_in_a_group_undoes_only_its_own_statements()
    {
        using var database = await Open(maxWrites: 64);
        var first = await BeginWith(database, "a");
        var failing = Task.Run(async () =>
        {
            await using var session = new DbSession(database);
            await session.BeginAsync(default);
            await Insert(session, "b");
            try
            {
                await Insert(session, "a");
            }
            catch (SqliteException e) when (database.Dialect.IsUniqueViolation(e))
            {
                await session.RollbackAsync();
                return true;
            }

            return false;
        });
        var succeeding = WriteAndCount(database, "c");
        await QueuedAsync(database, 2);

        await first.CommitAsync(default);

        Assert.True(await failing);
        Assert.Equal(2, await succeeding);
        await using var reader = await database.OpenAsync(default);
        Assert.Equal(["a", "c"], (await reader.QueryAsync<string>("SELECT name FROM t ORDER BY name")).ToList());
        await first.DisposeAsync();
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(64, 2)]
    public async Task A_writer_with_another_queued_commits_alone_only_when_a_commit_holds_one_write(int maxWrites, long committedWithTheFirst)
    {
        using var database = await Open(maxWrites);
        var first = await BeginWith(database, "a");
        var go = new TaskCompletionSource();
        var second = Task.Run(async () =>
        {
            await using var session = new DbSession(database);
            await session.BeginAsync(default);
            await Insert(session, "b");
            await go.Task;
            await session.CommitAsync(default);
        });
        await QueuedAsync(database, 1);

        // Alone, the first commit returns with its own row on disk while the second write is still open;
        // grouped, it returns only once the second write, which joined its group, is committed with it.
        var firstAnswered = Task.Run(async () =>
        {
            await first.CommitAsync(default);
            return await Count(database);
        });
        if (maxWrites == 1)
        {
            Assert.Equal(1, await firstAnswered);
        }

        go.SetResult();
        await second;
        Assert.Equal(committedWithTheFirst, await firstAnswered);
        Assert.Equal(2, await Count(database));
        await first.DisposeAsync();
    }

    [Fact]
    public async Task A_commit_that_fails_writes_nothing_of_its_group_and_fails_every_writer_in_it()
    {
        using var database = await Open(maxWrites: 64);
        var first = await BeginWith(database, "a");
        var orphan = Task.Run(async () =>
        {
            await using var session = new DbSession(database);
            await session.BeginAsync(default);

            // The foreign key is checked at the commit: the statement succeeds, the commit fails.
            await session.ExecuteAsync("INSERT INTO child (parent_id) VALUES (999)", null, default);
            await session.CommitAsync(default);
        });
        await QueuedAsync(database, 1);

        var failure = await Assert.ThrowsAsync<WriteGroupAbortedException>(() => first.CommitAsync(default));
        Assert.Contains("FOREIGN KEY", failure.InnerException!.Message, StringComparison.Ordinal);
        Assert.True(database.Dialect.IsTransient(failure));
        await Assert.ThrowsAsync<WriteGroupAbortedException>(() => orphan);
        Assert.Equal(0, await Count(database));
        await first.DisposeAsync();

        // The next write starts a new group and commits.
        Assert.Equal(1, await WriteAndCount(database, "after"));
    }

    private async Task<Database> Open(int maxWrites)
    {
        var database = new Database(new DatabaseOptions { ConnectionString = $"Data Source={_folder.File($"g{maxWrites}-{Guid.NewGuid():N}.db")}", GroupCommitMaxWrites = maxWrites });
        await using var connection = await database.OpenAsync(default);
        await connection.ExecuteAsync(
            """
            PRAGMA journal_mode = WAL;
            CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT NOT NULL UNIQUE);
            CREATE TABLE parent (id INTEGER PRIMARY KEY);
            CREATE TABLE child (id INTEGER PRIMARY KEY, parent_id INTEGER REFERENCES parent (id) DEFERRABLE INITIALLY DEFERRED);
            """);
        return database;
    }

    private static async Task<DbSession> BeginWith(Database database, string name)
    {
        var session = new DbSession(database);
        await session.BeginAsync(default);
        await Insert(session, name);
        return session;
    }

    /// <summary>One unit of work inserting a row; answers how many rows another connection reads once its commit returned.</summary>
    private static Task<long> WriteAndCount(Database database, string name) => Task.Run(async () =>
    {
        await using (var session = new DbSession(database))
        {
            await session.BeginAsync(default);
            await Insert(session, name);
            await session.CommitAsync(default);
        }

        return await Count(database);
    });

    private static Task<int> Insert(DbSession session, string name) =>
        session.ExecuteAsync("INSERT INTO t (name) VALUES (@name)", new { name }, default);

    /// <summary>Rows committed, read on a connection of its own, which sees only what is committed.</summary>
    private static async Task<long> Count(Database database)
    {
        await using var connection = await database.OpenAsync(default);
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM t");
    }

    private static async Task QueuedAsync(Database database, int writers)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (database.Groups!.Queued < writers)
        {
            Assert.True(DateTime.UtcNow < deadline, $"{database.Groups.Queued} of {writers} writers queued");
            await Task.Delay(5);
        }
    }

    public void Dispose() => _folder.Dispose();
}
