namespace DealPipeline.Api.Application;

/// <summary>The <c>Idempotency</c> configuration section.</summary>
public sealed class IdempotencyOptions
{
    public const string Section = "Idempotency";

    /// <summary>How long a key and its answer are kept; a retry after that is applied again.</summary>
    [System.ComponentModel.DataAnnotations.Range(1, 24 * 365, ErrorMessage = "Idempotency:RetentionHours is between 1 and 8760.")]
    public int RetentionHours { get; set; } = 24;

    public TimeSpan Retention => TimeSpan.FromHours(RetentionHours);
}

/// <summary>
/// The Idempotency-Key of the request being handled, if it has one. The HTTP edge sets it; the
/// transaction behavior claims it inside the command's own transaction, so that the key, the
/// change and (stored by the edge just before the commit) the answer are committed together or
/// not at all: a crash at any point leaves either all three or none.
/// </summary>
public sealed class IdempotentRequest
{
    public string? Key { get; set; }

    public string? Hash { get; set; }

    /// <summary>Set once the key is claimed in the open transaction: the edge stores the answer and commits.</summary>
    public bool Claimed { get; set; }
}

/// <summary>Thrown when another request with the same key committed first: the edge answers with what that one stored.</summary>
public sealed class IdempotencyKeyTakenException() : Exception("The Idempotency-Key was claimed by another request.");

/// <summary>The idempotency_keys table: a key, the hash of its request, and the answer it was given.</summary>
public sealed class IdempotencyStore(Database database, IClock clock, IOptions<IdempotencyOptions> options)
{
    private DateTimeOffset Cutoff => clock.UtcNow - options.Value.Retention;

    /// <summary>The answer stored for a key within the retention time, read on a connection of its own.</summary>
    public async Task<Stored?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var session = new DbSession(database);
        return await session.QuerySingleOrDefaultAsync<Stored>(
            """
            SELECT request_hash, status_code, content_type, location, etag, body
            FROM idempotency_keys WHERE idem_key = @key AND created_at >= @cutoff
            """,
            new { key, cutoff = Cutoff },
            cancellationToken);
    }

    /// <summary>Claims the key as the first statement of the command's transaction; another request's committed claim is an <see cref="IdempotencyKeyTakenException"/>.</summary>
    public async Task ClaimAsync(DbSession session, IdempotentRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(request);
        var args = new { key = request.Key, hash = request.Hash, body = Array.Empty<byte>(), at = clock.UtcNow, cutoff = Cutoff };
        await session.ExecuteAsync("DELETE FROM idempotency_keys WHERE idem_key = @key AND created_at < @cutoff", args, cancellationToken);
        try
        {
            await session.ExecuteAsync(
                "INSERT INTO idempotency_keys (idem_key, request_hash, status_code, body, created_at) VALUES (@key, @hash, 0, @body, @at)",
                args,
                cancellationToken);
        }
        catch (Exception e) when (session.Dialect.IsUniqueViolation(e))
        {
            throw new IdempotencyKeyTakenException();
        }

        request.Claimed = true;
    }

    /// <summary>Stores the answer in the open transaction, just before it commits.</summary>
    public static Task CompleteAsync(DbSession session, string key, int status, string? contentType, string? location, string? etag, byte[] body, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return session.ExecuteAsync(
            "UPDATE idempotency_keys SET status_code = @status, content_type = @contentType, location = @location, etag = @etag, body = @body WHERE idem_key = @key",
            new { key, status, contentType, location = Empty(location), etag = Empty(etag), body },
            cancellationToken);
    }

    /// <summary>Deletes keys older than the retention time; returns how many.</summary>
    public async Task<int> PurgeAsync(CancellationToken cancellationToken)
    {
        var purged = 0;
        await database.WriteAsync(
            async (session, ct) => purged = await session.ExecuteAsync("DELETE FROM idempotency_keys WHERE created_at < @cutoff", new { cutoff = Cutoff }, ct),
            cancellationToken);
        return purged;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    public sealed record Stored
    {
        public string RequestHash { get; init; } = "";

        public int StatusCode { get; init; }

        public string? ContentType { get; init; }

        public string? Location { get; init; }

        public string? Etag { get; init; }

        public byte[] Body { get; init; } = [];
    }
}

/// <summary>Purges expired idempotency keys in the background, every few minutes.</summary>
public sealed class IdempotencyPurge(IdempotencyStore store, ILogger<IdempotencyPurge> logger) : BackgroundService
{
    public static readonly TimeSpan Every = TimeSpan.FromMinutes(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Every);
        do
        {
            try
            {
                var purged = await store.PurgeAsync(stoppingToken);
                Log.IdempotencyPurged(logger, purged);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.IdempotencyPurgeFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
