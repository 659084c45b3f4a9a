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

public static class UserKeyEndpoints
{
    public static void MapUserKeys(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users/{userId:long}/keys").WithTags("Users").Allow(Policies.Read);
        group.MapPost("/", async (long userId, IMediator mediator, CancellationToken ct) =>
            {
                var key = await mediator.Send(new CreateApiKey(userId), ct);
                return TypedResults.Created($"/api/v1/users/{userId}/keys/{key.Id}", key);
            })
            .WithMetadata(new SecretResponse())
            .WithName("CreateApiKey")
            .WithSummary("Issues another API key for a user (admins for anyone, others for themselves); the key is in this answer only.")
            .WithProblems(403, 404);
        group.MapQuery<ListApiKeys, Page<ApiKeyResponse>>("/")
            .WithName("ListApiKeys")
            .WithSummary("Lists a user's keys (admins for anyone, others for themselves) with their first characters, creation, last use and revocation.")
            .WithProblems(400, 403, 404);
        group.MapGet("/{keyId:long}", async (long userId, long keyId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetApiKey(userId, keyId), ct)))
            .WithName("GetApiKey")
            .WithSummary("Reads one of a user's keys (admins for anyone, others for themselves): its first characters, creation, last use and revocation; never the key.")
            .WithProblems(403, 404);
        group.MapDelete("/{keyId:long}", async (long userId, long keyId, IMediator mediator, ApiKeyCache keys, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeApiKey(userId, keyId), ct);

                // After the commit: a request that read the key before it would otherwise cache it again.
                keys.Forget();
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revokes a key (admins for anyone, others for themselves): a 401 from then on on this instance, and within Auth:KeyCacheSeconds (5 s) on any other.")
            .WithProblems(403, 404);
    }
}

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
