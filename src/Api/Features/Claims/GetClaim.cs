namespace DealPipeline.Api.Features.Claims;

public sealed record GetClaim(long Id) : IQuery<ClaimResponse>;

public sealed class GetClaimHandler(ClaimStore claims) : IRequestHandler<GetClaim, ClaimResponse>
{
    public Task<ClaimResponse> Handle(GetClaim request, CancellationToken cancellationToken) => claims.GetAsync(request.Id, cancellationToken);
}
