using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DealPipeline.Api.Features.Deals;

public sealed class DealsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<DealRepository>();
        services.AddScoped<DealReader>();
        services.AddScoped<DealFilter>();
        services.AddScoped<DealReferences>();
        services.AddScoped<DealOpener>();
        services.AddScoped<DealChangeCheck>();
        services.AddScoped<Application.Behaviors.IDealSnapshots, DealSnapshots>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deals").WithTags("Deals");

        group.MapCreate<CreateDeal, DealResponse>()
            .Describe("CreateDeal", Policies.WorkDeals, "Opens a deal.")
            .WithDescription(
                "Required: name, companyId, parkId, sectorId, intendedInvestment. stage defaults to contact; a deal may be opened at a later stage " +
                "to back-fill an existing register, which records that stage in its history on openedOn (opening at signed or landed dates the signing " +
                "and landing on openedOn). openedOn defaults to today in China Standard Time and cannot be in the future. ownerId defaults to the caller, " +
                "teamId to the owner's team, source to other, currency to CNY; a non-CNY currency needs an FX rate first. contractedInvestment only at " +
                "signed or landed. Unknown fields are refused. A deal for a company that another unit holds a claim on (首报首谈: a park's claim " +
                "covers its park's deals, a team's its team's) is a 409, claim.heldByOther, naming the holding unit only; a manager or admin may " +
                "send claimOverride with a reason, kept in the claim's history (an officer sending it gets a 403). externalRef, the deal's number in the " +
                "office's own ledger, is unique among live deals: another's is a 409, deal.externalRefTaken.")
            .WithProblems(400, 409);

        group.MapQuery<ListDeals, Page<DealListItem>>("/")
            .Describe("ListDeals", Policies.Read, "Lists deals, filtered and sorted, a page at a time (keyset cursor: no deal is repeated or skipped while deals are added).")
            .WithDescription(
                "Filters combine with AND. stage, status and source take comma-separated names. sectorId includes its descendants. q matches part of the " +
                "deal's or the company's name. updatedSince (ISO 8601 timestamp, inclusive) is for incremental BI pulls and sorts by updatedAt unless sort " +
                "is given; with includeDeleted=true deleted deals come back as {id, deleted: true, updatedAt}. sort: updatedAt, openedOn, " +
                "intendedInvestment (in the deal's own currency), name or id (default), '-' prefix for descending. limit 1..500, default 50.")
            .WithProblems(400);

        group.MapRead(id => new GetDeal(id))
            .Describe("GetDeal", Policies.Read, "Reads a deal; its ETag is its version, for If-Match.")
            .WithProblems(404);

        group.MapCorrect<DealResponse, DealFields>((id, patch, ifMatch) => new PatchDeal(id, patch, ifMatch))
            .Describe("PatchDeal", Policies.WorkDeals, "Changes a deal's plain fields with a JSON merge patch (RFC 7396); If-Match guards against lost updates.")
            .WithDescription(
                "Send only the fields to change; null clears an optional field. stage, status, lostReason, signedOn, landedOn, the milestones, openedOn, " +
                "id, createdAt, updatedAt and version are not patchable (400). Changing ownerId moves the deal to the new owner's team unless teamId is " +
                "in the patch too. Moving the deal to another company, park or team across a claim another unit holds is a 409, claim.heldByOther; an externalRef another live deal has, a 409 deal.externalRefTaken.")
            .WithProblems(400, 404, 409, 412);

        group.MapPost("/{id:long}/transitions", async (long id, TransitionBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new MoveDealStage(id, body.To, body.On, body.Reason, body.ContractedInvestment, ETags.ExpectedVersion(request)), ct)))
            .Describe("MoveDealStage", Policies.WorkDeals, "Moves the deal's stage.")
            .WithDescription(
                "Forward moves may skip stages; a backward move needs a reason. Entering signed sets signedOn (and contractedInvestment if given); " +
                "entering landed sets landedOn (and signedOn if the deal skipped signing). Moving back below signed or landed clears those dates (the " +
                "history keeps them). Only an active deal moves, and not to its current stage (409). on defaults to today and cannot be before the deal's " +
                "previous change nor in the future (400).")
            .WithProblems(400, 404, 409, 412);

        group.MapPost("/{id:long}/status", async (long id, StatusBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new ChangeDealStatus(id, body.Status, body.Reason, body.Note, body.On, ETags.ExpectedVersion(request)), ct)))
            .Describe("ChangeDealStatus", Policies.WorkDeals, "Puts a deal on hold (onHold), marks it lost (lost, with reason) or reactivates it (active).")
            .WithDescription(
                "Hold: only from active. Lost: from active or onHold, reason required (choseOtherLocation, funding, policyMismatch, strategyChange, other). " +
                "Active: from onHold or lost; the deal keeps its stage. A change to the current status is a 409. note is free text.")
            .WithProblems(400, 404, 409, 412);

        group.MapQuery<GetDealHistory, Page<DealHistoryItem>>("/{id:long}/history")
            .Describe("GetDealHistory", Policies.Read, "Every stage and status change of the deal, oldest first: {on, at, kind, from, to, reason, note, byUserId}.")
            .WithProblems(400, 404);
        group.MapQuery<GetDealRevisions, Page<DealRevision>>("/{id:long}/revisions")
            .Describe("GetDealRevisions", Policies.Read, "The values the deal was reported with over time, oldest first: amount, currency, owner, team, park, sector, key-project flag, each from on until validUntil.")
            .WithDescription("A correction of one of these fields starts a new revision dated that day (China Standard Time); reports as of an earlier day keep counting the values in force then.")
            .WithProblems(400, 404);

        group.MapDelete("/{id:long}", async (long id, IMediator mediator, HttpRequest request, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteDeal(id, ETags.ExpectedVersion(request)), ct);
                return TypedResults.NoContent();
            })
            .Describe("DeleteDeal", Policies.Admin, "Soft-deletes a deal: it leaves reads and reports; GET /api/v1/deals?updatedSince=…&includeDeleted=true returns its tombstone.")
            .WithProblems(404, 412);
    }

    private static Ok<DealResponse> Respond(HttpResponse response, DealResponse deal) => ETags.Ok(response, deal, deal.Version);
}
