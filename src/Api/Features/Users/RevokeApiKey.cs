using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Users;

public sealed record RevokeApiKey(long UserId, long KeyId) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "apiKey";

    string? IAudited.AuditId => KeyId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    string IAudited.ChangeKind => ChangeKinds.Updated;
}

public sealed class RevokeApiKeyHandler(ApiKeyStore apiKeys, ICurrentUser caller) : IRequestHandler<RevokeApiKey, Unit>
{
    public async Task<Unit> Handle(RevokeApiKey request, CancellationToken cancellationToken)
    {
        await apiKeys.RequireOwnOrAdminAsync(caller, request.UserId, cancellationToken);
        if (!await apiKeys.RevokeAsync(request.UserId, request.KeyId, cancellationToken))
        {
            throw ProblemException.NotFound("active key", request.KeyId);
        }

        return Unit.Value;
    }
}
