using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DealPipeline.Api.Features.Referrals;

public sealed class ReferralsModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<ReferralStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var deals = api.MapGroup("/deals").WithTags("Referrals");
        deals.MapPost("/{id:long}/referral", async (long id, ReferralBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Created($"/api/v1/deals/{id}/referral", await mediator.Send(new RecordReferral(id, body.ReferrerId, body.SchemeId, body.ConfirmedOn, body.Confirmation), ct)))
            .Describe("RecordReferral", Policies.WorkDeals, "Records the deal's one referrer, confirmed by the parties, and the scheme their reward is computed by.")
            .WithProse("""
                The deal is one the caller may change (404, 403). The referrer was registered on or before the deal opened (400 on referrerId,
                referral.lateRegistration), and confirmedOn is between that registration and today (400). A deal has one referrer: a second
                referral is a 409 (referral.exists). The answer carries the funds in place so far and the reward due on them.
                """)
            .WithProblems(400, 403, 404, 409);
        deals.MapGet("/{id:long}/referral", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetReferral(id), ct)))
            .Describe("GetReferral", Policies.Read, "The deal's referral with its funds in place to date (CNY, each amount at the rate of its day) and the reward due; 404 when it has none.")
            .WithProblems(404);

        var referrers = api.MapGroup("/referrers").WithTags("Referrals");
        referrers.MapCreate<CreateReferrer, ReferrerResponse>()
            .Describe("CreateReferrer", Policies.WorkDeals, "Registers a referrer (引荐人), a person or an organisation, before they introduce a project: registeredOn (default today) is on or before the opening of every deal they refer.")
            .WithProblems(400);
        referrers.MapQuery<ListReferrers, Page<ReferrerResponse>>("/").Describe("ListReferrers", Policies.Read, "Lists referrers in id order.").WithProblems(400);
        referrers.MapRead(id => new GetReferrer(id)).Describe("GetReferrer", Policies.Read, "Reads a referrer.").WithProblems(404);

        var schemes = api.MapGroup("/reward-schemes").WithTags("Referrals");
        schemes.MapCreate<CreateRewardScheme, RewardSchemeResponse>()
            .Describe("CreateRewardScheme", Policies.Admin, "Adds a reward scheme for referrers: bands of the fixed-asset investment in place (CNY) with a rate in ‰ each, tiered or marginal, and an optional cap.")
            .WithProse("""
                bands start at from 0 and each next one where the one before ends (to, excluded); only the last has no to. tiered pays the
                whole basis at the rate of the band it falls in (3‰/2‰/1.5‰ by band); marginal pays each part of the basis at the rate of
                the band it lies in (3‰/4‰/5‰); the reward is then capped at cap. Rates have two decimals at most, from 0‰ to 100‰.
                Bands that leave a gap or overlap, a first band not from 0, an open band before the last, or a cap below zero are a 400 on
                bands or cap (codes bands.gap, bands.overlap, bands.end, cap.negative); a name taken is a 409.
                """)
            .WithProblems(400, 409);
        schemes.MapQuery<ListRewardSchemes, Page<RewardSchemeResponse>>("/").Describe("ListRewardSchemes", Policies.Read, "Lists reward schemes in id order.").WithProblems(400);
        schemes.MapRead(id => new GetRewardScheme(id)).Describe("GetRewardScheme", Policies.Read, "Reads a reward scheme.").WithProblems(404);
    }
}
