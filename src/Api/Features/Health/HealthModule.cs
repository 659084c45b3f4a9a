using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Health;

public sealed class HealthModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<HealthRuleStore>();
        services.AddScoped<HealthCheck>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var rules = api.MapGroup("/health-rules").WithTags("Health checks");
        rules.MapCreate<CreateHealthRule, HealthRuleResponse>()
            .Describe("CreateHealthRule", Policies.Admin, "Adds a rule to the office's fulfilment health check (项目体检): a kind, a period and, for the funds rules, the share of the investment expected in place.")
            .WithProse("""
                kind: notStarted (signed at least period ago, construction not started: 签约未开工), noFunds (construction started and no funds in
                place for period, counted from the start or the last funds, whichever is later), lowFunds (started at least period ago with funds in
                place under percentBelow % of the contracted, else intended, investment), fundsBehindProgress (in production for at least period with
                funds still under percentBelow %: the money out of line with the works). period is {count, unit}: days, workingDays (on the office's
                calendar, PUT /calendar/{year}) or months. percentBelow (1 to 100) is given for lowFunds and fundsBehindProgress only (400 otherwise).
                Names are unique (409). The office starts with Weinan's four rules: 签约满一年未开工, 开工后三个月无资金到位, 开工满六个月资金到位不足15%,
                投产后资金到位不足50%.
                """)
            .WithProblems(400, 409);
        rules.MapQuery<ListHealthRules, Page<HealthRuleResponse>>("/")
            .Describe("ListHealthRules", Policies.Read, "Lists the health check's rules in id order, disabled ones too.")
            .WithProblems(400);
        rules.MapReadAndCorrect<HealthRuleResponse, CreateHealthRule>(
                "health rule", Policies.Admin, id => new GetHealthRule(id), (id, patch, ifMatch) => new PatchHealthRule(id, patch, ifMatch), operationName: "HealthRule")
            .WithDescription("enabled: false keeps a rule but flags nothing by it. The same checks as a new rule's.");

        Reports.ReportsModule.Group(api).MapQuery<GetHealthReport, HealthReport>("/health")
            .Describe("GetHealthReport", Policies.Read, "The health check (项目体检) of the signed deals on a day: the deals each rule flags, counted by rule, owner and team, each with its flags since when, its stage dates and its funds in place.")
            .WithProse("""
                Checks every signed or landed deal the caller may see, active or on hold (a lost project is no longer fulfilled), with the deal filters,
                on asOf (default today, China Standard Time): milestones and funds in place (到位资金) up to that day, periods in working days on the
                office's calendar. checked counts the deals checked, flagged those with at least one flag; rules counts each rule's deals; byOwner and
                byTeam count the flagged deals, most first. fundsRate is funds in place as a percentage of the contracted (else intended) investment,
                truncated to two decimals; funds compare with a rule's percentBelow exactly, in fen. ruleId lists only the deals that rule flags.
                """)
            .WithProblems(400);
        api.MapGet("/deals/{id:long}/health", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetDealHealth(id), ct)))
            .WithTags("Deals").Describe("GetDealHealth", Policies.Read, "The deal's health-check flags today: each enabled rule it breaks and since when; none for a deal not signed, lost or in good standing.")
            .WithProblems(404);
    }
}
