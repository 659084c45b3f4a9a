using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Referrals;

public sealed record ListReferrers(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ReferrerResponse>>, IPagedRequest;

public sealed record GetReferrer(long Id) : IQuery<ReferrerResponse>;

public sealed record ListRewardSchemes(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<RewardSchemeResponse>>, IPagedRequest;

public sealed record GetRewardScheme(long Id) : IQuery<RewardSchemeResponse>;

public sealed class ReferralReadHandlers(IdPages pages, ReferralStore referrals)
    : IRequestHandler<ListReferrers, Page<ReferrerResponse>>, IRequestHandler<GetReferrer, ReferrerResponse>,
      IRequestHandler<ListRewardSchemes, Page<RewardSchemeResponse>>, IRequestHandler<GetRewardScheme, RewardSchemeResponse>
{
    public Task<Page<ReferrerResponse>> Handle(ListReferrers request, CancellationToken cancellationToken) =>
        pages.PageAsync<ReferrerResponse>(request, $"SELECT {ReferralStore.ReferrerColumns} FROM referrers WHERE 1 = 1", new { }, cancellationToken);

    public Task<ReferrerResponse> Handle(GetReferrer request, CancellationToken cancellationToken) => referrals.GetReferrerAsync(request.Id, cancellationToken);

    public async Task<Page<RewardSchemeResponse>> Handle(ListRewardSchemes request, CancellationToken cancellationToken) =>
        (await pages.PageAsync<ReferralStore.SchemeRow>(request, $"SELECT {ReferralStore.SchemeColumns} FROM reward_schemes WHERE 1 = 1", new { }, cancellationToken))
            .Select(r => r.ToResponse());

    public async Task<RewardSchemeResponse> Handle(GetRewardScheme request, CancellationToken cancellationToken) =>
        (await referrals.GetSchemeAsync(request.Id, cancellationToken)).ToResponse();
}
