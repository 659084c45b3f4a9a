using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Counting;

/// <summary>What counts toward the office's figures (认定): its rule sets, the projects they count in a period, and a deal's standing.</summary>
public sealed class CountingModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<CountingRuleStore>();
        services.AddScoped<CountingCheck>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/counting-rules").WithTags("Counting rules");
        rules.MapCreate<CreateCountingRules, CountingRulesResponse>()
            .Describe("CreateCountingRules", Policies.Admin, "Adds a set of counting rules (认定口径): exclusions, what 引进成功 requires, and the window after signing to meet it.")
            .WithProse("""
                minInvestment (CNY, 0 or more): a deal whose contracted (else intended) investment, in CNY at the rates in force at the period's end,
                is under it is excluded. excludedSectorIds: sectors left out with every sector below them (400 for one not on file).
                excludedPriorKinds: deals continuing an earlier one (priorKind) left out: resigning (signed again: a project counts once), secondPhase,
                relocation (a move within the city), upgrade, capitalIncrease. requires (contract among them, 400 otherwise): contract (the signing),
                registration (the company's unified social credit code), fundsInPlace (its first funds in place: fixed assets invested),
                constructionStarted (开工: main works started), ledger (a ledger number, 台账编号: in the monthly ledger). windowMonths (1 to 120): the
                last requirement is met within so many months of signing, else the deal is excluded (outsideWindow). A deal counts once, on the
                day it met its last requirement. Names are unique (409). The office starts with 引进成功（默认）: 1亿 and up, neither signed again, a
                second phase nor a relocation, with a contract, registration, funds in place and works started, within 24 months.
                """)
            .WithProblems(400, 409);
        rules.MapQuery<ListCountingRules, Page<CountingRulesResponse>>("/")
            .Describe("ListCountingRules", Policies.Read, "Lists the office's counting rule sets in id order; the first enabled one is the office's own, used when a report names none.")
            .WithProblems(400);
        rules.MapReadAndCorrect<CountingRulesResponse, CreateCountingRules>(
                "counting rule set", Policies.Admin, id => new GetCountingRules(id), (id, patch, ifMatch) => new PatchCountingRules(id, patch, ifMatch), operationName: "CountingRules")
            .WithDescription("The same checks as a new set's. Each correction moves version on; a counted figure names the version that counted it.");

        Reports.ReportsModule.Group(api).MapQuery<GetCountedReport, CountedReport>("/counted")
            .Describe("GetCountedReport", Policies.Read, "The projects counted as attracted (引进成功) in a period under a rule set: how many, their CNY investment, each deal, and those signed in the window that do not count, with why.")
            .WithProse("""
                Under countingRulesId (default: the office's first enabled set; 409 when there is none), with the deal filters: each signed deal the
                caller may see, signed within windowMonths before the period up to its end, evaluated with its funds in place and 开工 up to the
                period's end. countedBy names the rule set and its version. items are the deals whose last requirement fell in the period (each
                counts once, on countedOn); investment sums their contracted (else intended) investment in CNY at the rates in force at the
                period's end. notCounted lists the others with excluded (belowMinimum, sector, priorKind, outsideWindow, lost) or missing
                requirements.
                """)
            .WithProblems(400, 404, 409);
        api.MapGet("/deals/{id:long}/counting", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetDealCounting(id), ct)))
            .WithTags("Deals")
            .Describe("GetDealCounting", Policies.Read, "The deal under the office's counting rules today: counted on a day, excluded and why, or the requirements it still misses.")
            .WithProblems(404, 409);
    }
}
