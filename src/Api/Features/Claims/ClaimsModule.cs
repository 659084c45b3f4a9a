using Microsoft.AspNetCore.Http.HttpResults;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Claims;

public sealed class ClaimsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<ClaimOptions>().BindConfiguration(ClaimOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<ClaimStore>();
        services.AddScoped<ClaimGuard>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/claims").WithTags("Claims");
        group.MapCreate<CreateClaim, ClaimResponse>()
            .Describe("CreateClaim", Policies.WorkDeals, "Registers a unit's claim on a company's project (首报首谈): the first unit to report it and hold the first talk owns it while the claim holds.")
            .WithProse("""
                For one park (parkId) or one team (teamId; an officer's own; the caller's team when neither is given). Its basis is required: firstReportedOn and
                evidence (firstTalkOn once held, not before the report; neither in the future). The project qualifies by
                reaching a threshold the office set (Claims configuration: intended investment in CNY, a foreignFunded
                project's in USD, or a sector), else 400 claim.belowThreshold. It holds for Claims:ValidDays (180 by default)
                from today. A claim already holding on the company, or on the same company under another spelling, is a 409:
                claim.heldByOther names the holding unit and nothing else, claim.alreadyHeld is the same unit's. While it
                holds, a deal for the company in another unit (a park claim covers its park's deals, a team claim its team's)
                is a 409 claim.heldByOther unless a manager sends claimOverride with a reason.
                """)
            .WithProblems(400, 403, 409);
        group.MapQuery<ListClaims, Page<ClaimResponse>>("/")
            .Describe("ListClaims", Policies.Read, "Lists claims in id order, by companyId, parkId, teamId and state (held, expired, released). The evidence is shown to managers, admins, the reporter and the holding team only.")
            .WithProblems(400);
        group.MapRead(id => new GetClaim(id))
            .Describe("GetClaim", Policies.Read, "Reads a claim with its history; its ETag is its version, for If-Match.")
            .WithProblems(404);
        group.MapPost("/{id:long}/renew", async (long id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new RenewClaim(id, ETags.ExpectedVersion(request)), ct)))
            .Describe("RenewClaim", Policies.WorkDeals, "Holds a claim for Claims:ValidDays from today: its reporter, the holding team, managers and admins (403 for others). A released or expired claim is a 409 (claim.notHeld): register a new one.")
            .WithProblems(403, 404, 409, 412);
        group.MapPost("/{id:long}/release", async (long id, ReleaseClaimBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new ReleaseClaim(id, body.Reason, ETags.ExpectedVersion(request)), ct)))
            .Describe("ReleaseClaim", Policies.WorkDeals, "Gives a claim up, with a reason: other units may pursue the project from now on. Who may renew it may release it.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/{id:long}/transfer", async (long id, TransferClaimBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new TransferClaim(id, body.ParkId, body.TeamId, body.Reason, ETags.ExpectedVersion(request)), ct)))
            .Describe("TransferClaim", Policies.Manage, "Moves a claim to another park or team (统筹流转), with a reason; the new holder holds it for Claims:ValidDays from today. Managers and admins.")
            .WithProblems(400, 404, 409, 412);
    }

    private static Ok<ClaimResponse> Respond(HttpResponse response, ClaimResponse claim) => ETags.Ok(response, claim, claim.Version);
}
