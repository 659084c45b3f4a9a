using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Claims;

/// <summary>The claims in id order, filtered by company (its other spellings are not followed: ask the duplicate search), park, team and state (held, expired or released).</summary>
public sealed record ListClaims(long? CompanyId = null, long? ParkId = null, long? TeamId = null, string? State = null, int Limit = Cursor.DefaultLimit, string? Cursor = null)
    : IQuery<Page<ClaimResponse>>, IPagedRequest;

public sealed class ListClaimsValidator : AbstractValidator<ListClaims>
{
    public ListClaimsValidator()
    {
        RuleFor(x => x.CompanyId).Id();
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.State).OneOf<ListClaims, ClaimState>();
    }
}

public sealed class ListClaimsHandler(IdPages pages, ClaimStore claims, IClock clock) : IRequestHandler<ListClaims, Page<ClaimResponse>>
{
    public async Task<Page<ClaimResponse>> Handle(ListClaims request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var where = new SqlWhere()
            .When(request.CompanyId is not null, "company_id = @CompanyId")
            .When(request.ParkId is not null, "park_id = @ParkId")
            .When(request.TeamId is not null, "team_id = @TeamId")
            .When(request.State is not null, ClaimStore.StateCondition(request.State is { } state && Names.TryParse<ClaimState>(state, out var parsed) ? parsed : ClaimState.Held));
        var page = await pages.PageAsync<ClaimResponse>(
            request,
            $"{ClaimStore.SelectFrom} AND {where}",
            new { request.CompanyId, request.ParkId, request.TeamId, today = clock.Today },
            cancellationToken);
        return page with { Items = await claims.WithHistoryAsync(page.Items, cancellationToken) };
    }
}
