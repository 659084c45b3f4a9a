using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Users;

public sealed record ListApiKeys([FromRoute] long UserId, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ApiKeyResponse>>, IPagedRequest;

public sealed class ListApiKeysHandler(IdPages pages, ApiKeyStore apiKeys, ICurrentUser caller) : IRequestHandler<ListApiKeys, Page<ApiKeyResponse>>
{
    public async Task<Page<ApiKeyResponse>> Handle(ListApiKeys request, CancellationToken cancellationToken)
    {
        await apiKeys.RequireOwnOrAdminAsync(caller, request.UserId, cancellationToken);
        return await pages.PageAsync<ApiKeyResponse>(request,
            "SELECT id, prefix, created_at, last_used_at, revoked_at FROM api_keys WHERE user_id = @userId",
            new { userId = request.UserId },
            cancellationToken);
    }
}
