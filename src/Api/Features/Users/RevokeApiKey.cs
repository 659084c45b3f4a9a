using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Users;

public sealed record RevokeApiKey(long UserId, long KeyId) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "apiKey";

    string? IAudited.AuditId => KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class RevokeApiKeyHandler(ApiKeyStore apiKeys, DbSession session, ICurrentUser caller, IClock clock) : IRequestHandler<RevokeApiKey, Unit>
{
    public async Task<Unit> Handle(RevokeApiKey request, CancellationToken cancellationToken)
    {
        await apiKeys.RequireOwnOrAdminAsync(caller, request.UserId, cancellationToken);
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
