using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Users;

public sealed record CreateApiKey(long UserId) : ICommand<CreatedApiKeyResponse>, IAudited
{
    string IAudited.AuditEntity => "apiKey";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateApiKeyHandler(ApiKeyStore apiKeys, ICurrentUser caller, IClock clock) : IRequestHandler<CreateApiKey, CreatedApiKeyResponse>
{
    public async Task<CreatedApiKeyResponse> Handle(CreateApiKey request, CancellationToken cancellationToken)
    {
        await apiKeys.RequireOwnOrAdminAsync(caller, request.UserId, cancellationToken);
        var at = clock.UtcNow;
        var (id, key) = await apiKeys.IssueAsync(request.UserId, at, cancellationToken);
        return new CreatedApiKeyResponse(id, key, ApiKeys.Shown(key), at);
    }
}
