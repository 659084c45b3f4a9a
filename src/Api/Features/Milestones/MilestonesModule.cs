using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Milestones;

/// <summary>The life of a signed project to full production (项目全周期): the office's steps, each deal's milestones and needs (要素保障), and their reports.</summary>
public sealed class MilestonesModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<MilestoneStepStore>();
        services.AddScoped<DealMilestoneStore>();
        services.AddScoped<Deals.IStageRollback>(s => s.GetRequiredService<DealMilestoneStore>());
        services.AddScoped<DealNeedStore>();
        services.AddOptions<MilestoneOptions>().BindConfiguration(MilestoneOptions.Section)
            .Validate(o => o.Lists.Count > 0 && o.Lists.All(l => l.Key.Length is > 0 and <= 20 && l.Value.Length > 0), "Milestones:Lists name each list (1 to 20 characters) and give it at least one step code.")
            .ValidateOnStart();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var steps = api.MapGroup("/milestone-steps").WithTags("Milestones");
        steps.MapCreate<CreateMilestoneStep, MilestoneStepResponse>()
            .Describe("CreateMilestoneStep", Policies.Admin, "Adds a step to the office's milestones after signing (项目全周期): a code, a name and its place in the list.")
            .WithProse("""
                The office starts with ten steps: 供地 (landSupplied), 备案 (projectFiled), 能评 (energyReviewed), 环评 (environmentApproved), 施工许可
                (permitIssued), then the five built in: 开工 (constructionStarted), 入库 (statsEntered: entered in the statistics), 投产 (productionStarted),
                上规 (aboveSize) and 达产 (fullProduction). code (2 to 40 letters and digits, starting lower-case) is what a milestone names the step by,
                and never changes; position (1 to 10000) orders the steps; both are unique (409). required (default false): the step must be
                recorded before any later one. enabled defaults to true.
                """)
            .WithProblems(400, 409);
        steps.MapQuery<ListMilestoneSteps, Page<MilestoneStepResponse>>("/")
            .Describe("ListMilestoneSteps", Policies.Read, "Lists the office's milestone steps in id order, disabled ones too; position gives their order.")
            .WithProblems(400);
        steps.MapReadAndCorrect<MilestoneStepResponse, CreateMilestoneStep>(
                "milestone step", Policies.Admin, id => new GetMilestoneStep(id), (id, patch, ifMatch) => new PatchMilestoneStep(id, patch, ifMatch), operationName: "MilestoneStep")
            .WithDescription(
                "The same checks as a new step's. code never changes (400). A built-in step changes only its names: its position, required and enabled are " +
                "fixed (400). A disabled step takes no new milestones and leaves the reports; milestones recorded stay, and come back if it is enabled again.");

        var deals = api.MapGroup("/deals/{id:long}").WithTags("Deals");
        deals.MapPost("/milestones", async (long id, MilestoneBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            {
                var deal = await mediator.Send(new RecordDealMilestone(id, body.Kind, body.On, ETags.ExpectedVersion(request)), ct);
                return ETags.Ok(response, deal, deal.Version);
            })
            .Describe("RecordDealMilestone", Policies.WorkDeals, "Dates a milestone after signing: 开工 (constructionStarted) or 投产 (productionStarted) of a landed deal, or any other enabled step of the office's list.")
            .WithProse("""
                kind is a step's code (GET /milestone-steps). Answers the deal, whose version moves on (If-Match guards it). The deal must be signed
                (milestone.notSigned, 409), and 开工 and 投产 landed (milestone.notLanded, 409) and not dated before the landing. Each step is recorded
                once (milestone.recorded, 409). 400 naming the field: on before the signing (on.beforeSigning), an earlier required step not yet
                recorded (milestone.outOfOrder: 投产 needs 开工), on before an earlier step's date (on.beforePrevious) or after a later step's
                (on.afterNext), an unknown or disabled step (kind.unknown). 开工 and 投产 are the deal's constructionStartedOn and productionStartedOn;
                another step is also its own entry in the audit log, the change feed and webhooks (entity dealMilestone).
                """)
            .WithProblems(400, 404, 409, 412);
        deals.MapGet("/milestones", async (long id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var milestones = await mediator.Send(new ListDealMilestones(id), ct);
                return ETags.Ok(response, milestones, milestones.DealVersion);
            })
            .Describe("ListDealMilestones", Policies.Read, "The deal's milestones after signing: every enabled step in the office's order with its date when reached, and where the deal waits today.")
            .WithProse("""
                daysFromPrevious counts the days from the deal's latest milestone of an earlier step (else its signing). waitingAt is the step after the
                deal's latest milestone (a skipped step is passed, not waited on), since that milestone (else the signing); null for a deal not signed,
                lost, or past its last step.
                """)
            .WithProblems(404);
        deals.MapPost("/needs", async (long id, NeedBody body, IMediator mediator, CancellationToken ct) =>
            {
                var need = await mediator.Send(new AddDealNeed(id, body.Kind, body.Quantity, body.RequestedOn, body.Note), ct);
                return TypedResults.Created($"/api/v1/deals/{id}/needs", need);
            })
            .Describe("AddDealNeed", Policies.WorkDeals, "Records what the project needs of the park (要素保障): land, energy, environmental capacity, water or power, in the kind's unit.")
            .WithProse("""
                kind: land (亩), energy (吨标准煤/年, 能耗), environment (吨/年, 排污总量), water (吨/日) or power (千伏安, 用电容量). quantity is more than 0 and at
                most 10^9, with at most three decimals, kept exactly. requestedOn defaults to today and cannot be in the future. The need waits for a
                manager's decision (state requested).
                """)
            .WithProblems(400, 404);
        deals.MapQuery<ListDealNeeds, IReadOnlyList<NeedResponse>>("/needs")
            .Describe("ListDealNeeds", Policies.Read, "The deal's needs (要素保障) in the order they were asked, each with its decision.")
            .WithProblems(400, 404);
        deals.MapPost("/needs/{needId:long}/decision", async (long id, long needId, DecisionBody body, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            {
                var need = await mediator.Send(new DecideDealNeed(id, needId, body.Decision, body.ApprovedQuantity, body.On, body.Note, ETags.ExpectedVersion(request)), ct);
                return ETags.Ok(response, need, need.Version);
            })
            .Describe("DecideDealNeed", Policies.Manage, "Approves or refuses a need (要素保障): approved in full, approved in part (approvedQuantity under what was asked) or refused; once.")
            .WithProse("""
                decision: approved or refused. approvedQuantity (approved only) defaults to the quantity asked and is never more (400); less makes the
                state partlyApproved. on defaults to today, is not in the future nor before requestedOn (400). A need decided already is a 409
                (need.decided); If-Match guards its version.
                """)
            .WithProblems(400, 404, 409, 412);

        var reports = Reports.ReportsModule.Group(api);
        reports.MapQuery<GetMilestoneReport, MilestoneReport>("/milestones")
            .Describe("GetMilestoneReport", Policies.Read, "Signed projects through their milestones (项目全周期) on a day: each step reached, waited at (未开工 …) and its lead times, and the deals waiting, longest first.")
            .WithProse("""
                Checks the signed or landed deals the caller may see, active or on hold, with the deal filters, on asOf (default today, China Standard
                Time), from milestones dated up to that day. The steps are every enabled step, a named list of the office's (list=三未: 签约未开工,
                开工未投产, 投产未达产; list=六未; Milestones:Lists in the configuration) or the caller's own (steps=codes, comma-separated; not with
                list). A deal waits at the step after the last of those steps it reached (else the first), since that milestone (else its signing):
                a step skipped once a later one is reached is passed. reached counts the deals that reached each step; waiting those waiting there at
                least minDays; fromPrevious the days from the deal's previous milestone of the steps (else signing), fromSigning from its signing
                (mean to one decimal, median, max). items lists the waiting deals (only at step= when given), longest wait first.
                """)
            .WithProblems(400);
        reports.MapQuery<GetNeedsReport, NeedsReport>("/needs")
            .Describe("GetNeedsReport", Policies.Read, "The projects' needs of the park (要素保障) on a day, by kind: how many, the quantities asked, approved, awaiting decision and refused.")
            .WithProse("""
                Needs asked for up to asOf (default today) on the deals the caller may see, with the deal filters, any stage; a decision counts from its
                day. Quantities are exact sums in each kind's unit; approved adds what was approved in full or in part.
                """)
            .WithProblems(400);
    }
}
