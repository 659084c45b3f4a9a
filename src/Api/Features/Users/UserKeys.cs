using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Users;

/// <summary>A key as its owner sees it later: never the key itself, only its first characters.</summary>
public sealed record ApiKeyResponse : IHasId
{
    public long Id { get; init; }

    public string Prefix { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>A new key, shown this once.</summary>
public sealed record CreatedApiKeyResponse(long Id, string ApiKey, string Prefix, DateTimeOffset CreatedAt);

public static class UserKeys
{
    public static async Task<(long Id, string Key)> IssueAsync(DbSession session, long userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var key = ApiKeys.Generate();
        return (await StoreAsync(session, userId, key, at, cancellationToken), key);
    }

    /// <summary>Stores a key for a user: its hash and its first characters, never the key.</summary>
    public static async Task<long> StoreAsync(DbSession session, long userId, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("api_keys", "user_id, key_hash, prefix, created_at", "@userId, @hash, @prefix, @at"),
            new { userId, hash = ApiKeys.Hash(key), prefix = ApiKeys.Shown(key), at },
            cancellationToken);
    }

    /// <summary>Admins manage anyone's keys; every other user only their own. An unknown user is a 404 (for admins; 403 for others).</summary>
    public static async Task RequireOwnOrAdminAsync(DbSession session, ICurrentUser caller, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != Role.Admin && caller.UserId != userId)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, "Forbidden", "You may manage only your own keys.");
        }

        if (!await References.ExistsAsync(session, "users", userId, cancellationToken))
        {
            throw ProblemException.NotFound("user", userId);
        }
    }
}

public sealed record CreateApiKey(long UserId) : ICommand<CreatedApiKeyResponse>, IAudited
{
    string IAudited.AuditEntity => "apiKey";

    string? IAudited.AuditId => null;
}

public sealed class CreateApiKeyHandler(DbSession session, ICurrentUser caller, IClock clock) : IRequestHandler<CreateApiKey, CreatedApiKeyResponse>
{
    public async Task<CreatedApiKeyResponse> Handle(CreateApiKey request, CancellationToken cancellationToken)
    {
        await UserKeys.RequireOwnOrAdminAsync(session, caller, request.UserId, cancellationToken);
        var at = clock.UtcNow;
        var (id, key) = await UserKeys.IssueAsync(session, request.UserId, at, cancellationToken);
        return new CreatedApiKeyResponse(id, key, ApiKeys.Shown(key), at);
    }
}

public sealed record ListApiKeys([FromRoute] long UserId, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ApiKeyResponse>>, IPagedRequest;

public sealed class ListApiKeysHandler(DbSession session, ICurrentUser caller, Cursors cursors) : IRequestHandler<ListApiKeys, Page<ApiKeyResponse>>
{
    public async Task<Page<ApiKeyResponse>> Handle(ListApiKeys request, CancellationToken cancellationToken)
    {
        await UserKeys.RequireOwnOrAdminAsync(session, caller, request.UserId, cancellationToken);
        return await ListById.PageAsync<ApiKeyResponse>(
            session,
            cursors,
            request,
            "SELECT id, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE user_id = @userId",
            new { userId = request.UserId },
            cancellationToken);
    }
}

public sealed record RevokeApiKey(long UserId, long KeyId) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "apiKey";

    string? IAudited.AuditId => KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class RevokeApiKeyHandler(DbSession session, ICurrentUser caller, IClock clock) : IRequestHandler<RevokeApiKey, Unit>
{
    public async Task<Unit> Handle(RevokeApiKey request, CancellationToken cancellationToken)
    {
        await UserKeys.RequireOwnOrAdminAsync(session, caller, request.UserId, cancellationToken);
        var revoked = await session.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @now WHERE id = @KeyId AND user_id = @UserId AND revoked_at IS NULL",
            new { now = clock.UtcNow, request.KeyId, request.UserId },
            cancellationToken);
        if (revoked == 0)
        {
            throw ProblemException.NotFound("active key", request.KeyId);
        }

        return Unit.Value;
    }
}
