using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Chains;

public sealed class ChainsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<ChainStore>();
        services.AddScoped<Deals.IChainLinkScope>(sp => sp.GetRequiredService<ChainStore>());
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/chains").WithTags("Chains");
        group.MapCreate<CreateChain, ChainResponse>()
            .Describe("CreateChain", Policies.Admin, "Adds an industry chain (产业链), with the parks that promote on it and its chain-leader companies (链主); links are added to it after.")
            .WithDescription(
                "name is unique (409 otherwise). parkIds and leaderCompanyIds (each at most 100) must exist (400 naming the field). A chain leader's " +
                "referrals (deals whose referrerCompanyId is the leader) and the deals of the links it is attached to are credited to it in the chain report.")
            .WithProblems(400, 409);
        group.MapQuery<ListChains, Page<ChainResponse>>("/")
            .Describe("ListChains", Policies.Read, "Lists industry chains in id order, each with its links; parkId keeps the chains that park promotes on.")
            .WithProblems(400);
        group.MapReadAndCorrect<ChainResponse, CreateChain>("chain", Policies.Admin, id => new GetChain(id), (id, patch, ifMatch) => new PatchChain(id, patch, ifMatch))
            .WithDescription("Corrects the chain's name, description, parks or leaders (an array is replaced whole); its links have their own resource (/chains/{id}/links).");

        var links = group.MapGroup("/{id:long}/links");
        links.MapPost("/", async (long id, ChainLinkBody body, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var link = await mediator.Send(new AddChainLink(id, body.Name, body.Position, body.ParentId, body.SectorIds), ct);
                return ETags.Created(response, $"/api/v1/chains/{id}/links/{link.Id}", link, link.Version);
            })
            .Describe("AddChainLink", Policies.Admin, "Adds a link (环节) to a chain: upstream, midstream or downstream, optionally under another link of the chain, with the sectors it covers.")
            .WithDescription(
                "parentId is a link of the same chain (400 otherwise); links nest at most 4 levels. A link's name is unique within its chain (409). " +
                "sectorIds (at most 50) must exist.")
            .WithProblems(400, 404, 409);
        links.MapGet("/{linkId:long}", async (long id, long linkId, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var link = await mediator.Send(new GetChainLink(id, linkId), ct);
                return ETags.Ok(response, link, link.Version);
            })
            .Describe("GetChainLink", Policies.Read, "Reads one link of a chain, with its sectors and attached companies; its ETag is its version, for If-Match.")
            .WithProblems(404);
        links.MapPatch("/{linkId:long}", async (long id, long linkId, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            {
                var body = await MergePatch.ReadAsync(request, ct);
                var link = await mediator.Send(new PatchChainLink(id, linkId, body, ETags.ExpectedVersion(request)), ct);
                return ETags.Ok(response, link, link.Version);
            })
            .Accepts<ChainLinkBody>(MergePatch.MediaType, "application/json")
            .Describe("PatchChainLink", Policies.Admin, "Renames a link, moves it to another position or under another link, or changes its sectors, with a JSON merge patch; If-Match guards against lost updates.")
            .WithDescription(
                "A link cannot be its own parent nor be placed under one of its sub-links (400 on parentId, codes chain.ownParent and chain.cycle); " +
                "parentId null makes it a top link. Its attached companies and deals stay attached.")
            .WithProblems(400, 404, 409, 412);
        links.MapDelete("/{linkId:long}", async (long id, long linkId, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteChainLink(id, linkId), ct);
                return TypedResults.NoContent();
            })
            .Describe("DeleteChainLink", Policies.Admin, "Removes a link added by mistake: one without sub-links, companies or deals (409 otherwise: move or detach them first).")
            .WithProblems(404, 409);

        const string CompanyRoute = "/{linkId:long}/companies/{companyId:long}";
        const string DealRoute = "/{linkId:long}/deals/{dealId:long}";
        links.MapPut(CompanyRoute, (long id, long linkId, long companyId, IMediator mediator, CancellationToken ct) =>
                NoContent(mediator.Send(new AttachToChainLink(id, linkId, ChainAttachment.Company, companyId), ct)))
            .Describe("AttachCompanyToChainLink", Policies.WorkDeals, "Attaches a company to a link: its deals count for the link in the chain report. Attaching it again changes nothing. A company merged into another is a 410 naming the survivor.")
            .WithProblems(404, 410);
        links.MapDelete(CompanyRoute, (long id, long linkId, long companyId, IMediator mediator, CancellationToken ct) =>
                NoContent(mediator.Send(new DetachFromChainLink(id, linkId, ChainAttachment.Company, companyId), ct)))
            .Describe("DetachCompanyFromChainLink", Policies.WorkDeals, "Detaches a company from a link. Detaching one that is not attached changes nothing. A company merged into another is a 410 naming the survivor (its links are the survivor's now).")
            .WithProblems(404, 410);
        links.MapPut(DealRoute, (long id, long linkId, long dealId, IMediator mediator, CancellationToken ct) =>
                NoContent(mediator.Send(new AttachToChainLink(id, linkId, ChainAttachment.Deal, dealId), ct)))
            .Describe("AttachDealToChainLink", Policies.WorkDeals, "Attaches a deal to a link (a deal the caller may change: 404 for one they cannot see, 403 for one they may only read). Attaching it again changes nothing.")
            .WithProblems(403, 404);
        links.MapDelete(DealRoute, (long id, long linkId, long dealId, IMediator mediator, CancellationToken ct) =>
                NoContent(mediator.Send(new DetachFromChainLink(id, linkId, ChainAttachment.Deal, dealId), ct)))
            .Describe("DetachDealFromChainLink", Policies.WorkDeals, "Detaches a deal from a link (a deal the caller may change). Detaching one that is not attached changes nothing.")
            .WithProblems(403, 404);
    }

    private static async Task<Microsoft.AspNetCore.Http.HttpResults.NoContent> NoContent(Task<Unit> command)
    {
        await command;
        return TypedResults.NoContent();
    }
}
