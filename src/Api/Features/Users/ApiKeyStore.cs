using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Users;

/// <summary>The api_keys table: keys issued, stored as hashes, listed and revoked; and who may manage whose.</summary>
public sealed class ApiKeyStore(DbSession session, IClock clock)
{
    /// <summary>Revokes a user's key that is still active; false when there is none.</summary>
    public async Task<bool> RevokeAsync(long userId, long keyId, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            "UPDATE api_keys SET revoked_at = @now WHERE id = @keyId AND user_id = @userId AND revoked_at IS NULL",
            new { now = clock.UtcNow, keyId, userId },
            cancellationToken) > 0;

    public async Task<(long Id, string Key)> IssueAsync(long userId, DateTimeOffset at, CancellationToken cancellationToken)
    {
        var key = ApiKeys.Generate();
        return (await StoreAsync(userId, key, at, cancellationToken), key);
    }

    /// <summary>Stores a key for a user: its hash and its first characters, never the key.</summary>
    public async Task<long> StoreAsync(long userId, string key, DateTimeOffset at, CancellationToken cancellationToken)
    {
        return await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("api_keys", "user_id, key_hash, prefix, created_at", "@userId, @hash, @prefix, @at"),
            new { userId, hash = ApiKeys.Hash(key), prefix = ApiKeys.Shown(key), at },
            cancellationToken);
    }

    /// <summary>Admins manage anyone's keys; every other user only their own. An unknown user is a 404 (for admins; 403 for others).</summary>
    public async Task RequireOwnOrAdminAsync(ICurrentUser caller, long userId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (caller.Role != Role.Admin && caller.UserId != userId)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.YouMayManageOnlyYourOwn);
        }

        if (!await References.ExistsAsync(session, "users", userId, cancellationToken))
        {
            throw ProblemException.NotFound("user", userId);
        }
    }
}
