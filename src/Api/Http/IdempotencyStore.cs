using DealPipeline.Infrastructure;

namespace DealPipeline.Api.Http;

/// <summary>The idempotency_keys table: a claimed key has status 0 until its response is stored.
/// Each call runs on its own connection, outside the request's transaction.</summary>
public sealed class IdempotencyStore(Database database)
{
    public async Task<bool> TryClaimAsync(string key, string hash, DateTimeOffset at, CancellationToken cancellationToken)
    {
        await using var session = new DbSession(database);
        try
        {
            await session.ExecuteAsync(
                "INSERT INTO idempotency_keys (idem_key, request_hash, status_code, body, created_at) VALUES (@key, @hash, 0, @body, @at)",
                new { key, hash, body = Array.Empty<byte>(), at },
                cancellationToken);
            return true;
        }
        catch (Exception e) when (database.Dialect.IsUniqueViolation(e))
        {
            return false;
        }
    }

    public async Task<Stored?> FindAsync(string key, CancellationToken cancellationToken)
    {
        await using var session = new DbSession(database);
        return await session.QuerySingleOrDefaultAsync<Stored>(
            "SELECT request_hash, status_code, content_type, location, etag, body FROM idempotency_keys WHERE idem_key = @key", new { key }, cancellationToken);
    }

    public async Task CompleteAsync(string key, int status, string? contentType, string? location, string? etag, byte[] body, CancellationToken cancellationToken)
    {
        await using var session = new DbSession(database);
        await session.ExecuteAsync(
            "UPDATE idempotency_keys SET status_code = @status, content_type = @contentType, location = @location, etag = @etag, body = @body WHERE idem_key = @key",
            new { key, status, contentType, location = Empty(location), etag = Empty(etag), body },
            cancellationToken);
    }

    public async Task ReleaseAsync(string key, CancellationToken cancellationToken)
    {
        await using var session = new DbSession(database);
        await session.ExecuteAsync("DELETE FROM idempotency_keys WHERE idem_key = @key", new { key }, cancellationToken);
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
