namespace DealPipeline.Api.Features.Users;

/// <summary>One of a user's keys, where its creation's Location points: its first characters, creation, last use and revocation, never the key.</summary>
public sealed record GetApiKey(long UserId, long KeyId) : IQuery<ApiKeyResponse>;

public sealed class GetApiKeyHandler(ApiKeyStore apiKeys, DbSession session, ICurrentUser caller) : IRequestHandler<GetApiKey, ApiKeyResponse>
{
    public async Task<ApiKeyResponse> Handle(GetApiKey request, CancellationToken cancellationToken)
    {
        await apiKeys.RequireOwnOrAdminAsync(caller, request.UserId, cancellationToken);
        return await session.QuerySingleOrDefaultAsync<ApiKeyResponse>(
                "SELECT id, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE id = @KeyId AND user_id = @UserId",
                request,
                cancellationToken)
            ?? throw ProblemException.NotFound("key", request.KeyId);
    }
}
