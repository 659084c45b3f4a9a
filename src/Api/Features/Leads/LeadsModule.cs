using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace DealPipeline.Api.Features.Leads;

public sealed class LeadsModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<LeadOptions>().BindConfiguration(LeadOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddScoped<LeadStore>();
        services.AddScoped<LeadReferences>();
        services.AddScoped<LeadWork>();
        services.AddScoped<LeadDispatcher>();
        services.AddScoped<LeadSweepPlanner>();
        services.AddHostedService<LeadSweeper>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/leads").WithTags("Leads");
        group.MapCreate<CreateLead, LeadResponse>()
            .Describe("CreateLead", Policies.WorkDeals, "Takes a lead (线索) in: a company's project heard of before a deal exists, with its source, and dispatches it.")
            .WithProse("""
                The company is one on file (register it first: POST /companies, and GET /companies/duplicates warns of the same company spelt
                another way). source event needs sourceEventId, referrer needs referrerId. receivedOn (default today, not in the future) starts
                the lead's deadlines: the office's deadline rule for its intended investment in CNY (answer: the first contact; assess:
                converted or dropped). Dispatch: ownerId or teamId place it by hand (an officer only within their own team, 403 otherwise);
                else the first dispatch rule it matches (lowest priority, then oldest: sector or one under it, the company's region, amount
                band) gives it to the rule's team or officer; else it goes to the shared pool (公海). A live claim of another unit on the
                company that the lead's park (else its team) is not covered by is a 409 claim.heldByOther naming only the holder, unless a
                manager sends claimOverride with a reason (kept in the claim's history and the lead's).
                """)
            .WithProblems(400, 403, 409);
        group.MapQuery<ListLeads, Page<LeadResponse>>("/")
            .Describe("ListLeads", Policies.Read, "Lists leads in id order, by state (pool, queued, assigned, converted, dropped), source, company, team, officer, flagged and the days received.")
            .WithProblems(400);
        group.MapRead(id => new GetLead(id))
            .Describe("GetLead", Policies.Read, "Reads a lead with its deadlines today and its history; its ETag is its version, for If-Match.")
            .WithProblems(404);
        group.MapPost("/{id:long}/take", async (long id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new TakeLead(id, ETags.ExpectedVersion(request)), ct)))
            .Describe("TakeLead", Policies.WorkDeals, "Takes a lead with no officer: from the shared pool, or from the caller's team's queue (403 for another team's). A lead an officer has is a 409 (lead.taken): a manager reassigns it.")
            .WithProblems(403, 404, 409, 412);
        group.MapPost("/{id:long}/assign", async (long id, AssignLeadBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new AssignLead(id, body.OwnerId, body.TeamId, body.Reason, ETags.ExpectedVersion(request)), ct)))
            .Describe("AssignLead", Policies.Manage, "Gives a lead to an officer (and their team) or to a team's queue, with a reason (统筹分派). Managers and admins.")
            .WithProblems(400, 404, 409, 412);
        group.MapPost("/{id:long}/contacts", async (long id, LeadContactBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new ContactLead(id, body.Type, body.On, body.Summary, ETags.ExpectedVersion(request)), ct)))
            .Describe("ContactLead", Policies.WorkDeals, "Records a contact with the company (a call, a meeting, a visit) on or after the day received: the first meets the answer deadline, each keeps the lead with its officer.")
            .WithProse("""
                For the lead's officer, its team's officers, managers and admins (403 for others; a lead in the shared pool is taken first).
                An escalation a contact makes moot falls back at the service's next sweep. The contacts become the deal's activities on conversion.
                """)
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/{id:long}/drop", async (long id, DropLeadBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
                Respond(response, await mediator.Send(new DropLead(id, body.Reason, ETags.ExpectedVersion(request)), ct)))
            .Describe("DropLead", Policies.WorkDeals, "Drops a lead that is not worth pursuing, with a reason: it meets the assess deadline and closes the lead.")
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/{id:long}/convert", async (long id, ConvertLeadBody? body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            {
                var deal = await mediator.Send(new ConvertLead(id, body ?? new ConvertLeadBody(), ETags.ExpectedVersion(request)), ct);
                return ETags.Created(response, $"/api/v1/deals/{deal.Id}", deal, deal.Version);
            })
            .Describe("ConvertLead", Policies.WorkDeals, "Converts an open lead to a deal, once: answers the deal (201, located at /deals/{id}); the lead keeps its history and names the deal.")
            .WithProse("""
                The deal takes the lead's company, title (as name), sector, park, intended investment, currency, officer and team, source (event
                and its sourceEventId, referral for a referrer's lead, other, else inbound), and opens on the day the lead was received, so its
                deadlines run from intake; the body sets any of these otherwise and the deal's stage, key-project and confidential flags, code
                name and planned landing. It is checked as a new deal (POST /deals): parkId and sectorId are required when the lead has none
                (400), officers assign within their team (403), another unit's claim is a 409 claim.heldByOther unless a manager sends
                claimOverride. The lead's contacts become the deal's activities. A converted or dropped lead is a 409 (lead.closed). A
                referrer's lead names its referrer: record the confirmed referral on the deal (POST /deals/{id}/referral).
                """)
            .WithProblems(400, 403, 404, 409, 412);
        group.MapPost("/sweep", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new SweepLeads(), ct)))
            .Describe("SweepLeads", Policies.Admin, "Escalates and recycles leads now, as the service does every Leads:SweepMinutes: answers the leads escalated and those recycled to the shared pool.")
            .WithProse("""
                A lead late on a deadline (its answer or assess deadline passed unmet) is escalated to its officer the day after (to the team's
                managers when it has none), to the team's managers (the office's when the team has none) Leads:TeamLeadAfterWorkingDays working
                days after, and flagged Leads:FlagAfterWorkingDays working days after; each rise is an escalated event in its history naming the
                users told, and a lead.escalated webhook. A lead with an officer and no take, assignment or contact for
                Leads:RecycleAfterWorkingDays working days goes back to the shared pool. Working days are the office's calendar.
                """);

        var rules = api.MapGroup("/lead-rules").WithTags("Leads");
        rules.MapCreate<CreateLeadRule, LeadRuleResponse>()
            .Describe("CreateLeadRule", Policies.Admin, "Adds a dispatch rule (分派规则): leads of a sector, a region and an amount band go to a team or an officer.")
            .WithProse("""
                sectorId covers the sectors under it; regionCode (GB/T 2260, the company's region) a province covers its cities and counties, a
                city its counties; minIntendedInvestment (included) and maxIntendedInvestment (excluded) are CNY, the lead's amount converted at
                today's rates; a criterion left out matches every lead. Its leads go to teamId's queue, to ownerId (and their team), or with
                neither to the shared pool. The band is not empty (leadRule.band); priority is 0 to 10000 (default 100; the lowest wins, then
                the oldest rule). A name taken is a 409.
                """)
            .WithProblems(400, 409);
        rules.MapQuery<ListLeadRules, IReadOnlyList<LeadRuleResponse>>("/")
            .Describe("ListLeadRules", Policies.Read, "Lists the dispatch rules in the order they are tried: priority, then id.");
        rules.MapRead(id => new GetLeadRule(id)).Describe("GetLeadRule", Policies.Read, "Reads a dispatch rule.").WithProblems(404);
        rules.MapDelete("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteLeadRule(id), ct);
                return TypedResults.NoContent();
            })
            .Describe("DeleteLeadRule", Policies.Admin, "Removes a dispatch rule: new leads are dispatched by the others; the leads it placed stay where they are.")
            .WithProblems(404);
    }

    private static Ok<LeadResponse> Respond(HttpResponse response, LeadResponse lead) => ETags.Ok(response, lead, lead.Version);
}
