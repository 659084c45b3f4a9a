using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Reports;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Events;

public sealed class EventsModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<EventStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Events");
        group.MapCreate<CreateEvent, EventResponse>()
            .Describe("CreateEvent", Policies.WorkDeals, "Records a promotion event: name, type, startsOn, endsOn, city, and optionally parkId and visitorsReceived.")
            .WithProblems(400);
        group.MapQuery<ListEvents, Page<EventResponse>>("/")
            .Describe("ListEvents", Policies.Read, "Lists events in id order; from/to (YYYY-MM-DD, inclusive) keep those starting in the period, type one or more comma-separated types; updatedSince/updatedBefore (half-open) select what was written in a window, for incremental pulls.")
            .WithProblems(400);
        group.MapRead(id => new GetEvent(id))
            .Describe("GetEvent", Policies.Read, "Reads an event; its ETag is its version.")
            .WithProblems(404);
        group.MapCorrect<EventResponse, EventFields>((id, patch, ifMatch) => new PatchEvent(id, patch, ifMatch))
            .Describe("PatchEvent", Policies.WorkDeals, "Changes an event's fields with a JSON merge patch (e.g. visitorsReceived after the event); If-Match guards against lost updates.")
            .WithProblems(400, 404, 412);
        group.MapQuery<GetEventCohort, EventCohort>("/{id:long}/cohort")
            .ReadsReplica().AddEndpointFilter<ReportCaching>().Produces(StatusCodes.Status304NotModified)
            .Describe("GetEventCohort", Policies.Read, "The event's signed projects re-measured on a day (asOf): how many landed, started construction and production, and the funds in place against the contracted investment.")
            .WithProse("""
                The cohort is the deals whose sourceEventId is the event and that were signed by asOf (default today, China Standard Time), deleted
                ones left out and lost ones kept (a signing not fulfilled counts against the rates), as the caller may see them. landed, construction-
                and productionStarted count those that reached the milestone by asOf. fulfilmentRate (履约率) = landed / signed, constructionRate
                (开工率) = constructionStarted / signed, productionRate (投产率, 建成率) = productionStarted / signed, fundsRate (到位率) = funds in
                place by asOf / the contracted (else intended) investment, both in CNY at the rates in force on asOf. Each rate gives its numerator,
                denominator and value as a fraction cut to the office's Reports:RateDecimals (4) as Reports:RateRounding says (round, half away from
                zero, or truncate, as Weinan published 291 / 292 as 99.65 %); rounding= overrides it for one request; value null when the
                denominator is 0. Each deal counts for the one event it came from, and a project once (a deal's priorDealId and priorKind say
                what it continues): the same project signed again (resigning) counts only for its first signing event when its earlier deal came
                from one, so it is listed with counted false; an upgrade counts with no investment; a capital increase counts only its increment
                over the earlier deal (never below 0). deals lists each deal with the investment the cohort counted for it.
                """)
            .WithProblems(400, 404);
        group.MapQuery<GetEventCohorts, EventCohortSeries>("/cohorts")
            .ReadsReplica().AddEndpointFilter<ReportCaching>().Produces(StatusCodes.Status304NotModified)
            .Describe("GetEventCohorts", Policies.Read, "A series of events (a fair's editions, eventIds) re-measured on a day: each edition's cohort, oldest first, and the series' total.")
            .WithProse("""
                The same figures as GET /events/{id}/cohort for each edition; total sums the editions' deals (each counted once, for its own event)
                and computes its rates from those sums, not by averaging the editions'.
                """)
            .WithProblems(400, 404);
        group.MapGet("/{id:long}/report", async (long id, int? plannedWithinYears, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetEventReport(id, plannedWithinYears ?? 2), ct)))
            .ReadsReplica().WithName("GetEventReport").Allow(Policies.Read)
            .AddEndpointFilter<ReportCaching>().Produces(StatusCodes.Status304NotModified)
            .WithSummary("What the event yielded, in one call.")
            .WithDescription(
                "Over the deals whose sourceEventId is the event, lost and deleted ones left out: companiesEngaged (distinct companies), deals, " +
                "intendedInvestment (CNY; non-CNY deals converted at the rate in force on the event's start, per currency subtotal, rounded half away " +
                "from zero to the fen), plannedToLand (deals whose plannedLandingOn is within plannedWithinYears, default 2, of the event's start), and " +
                "siteVisits (distinct companies of those deals with a siteVisit activity on or after the event's start). letters counts every letter " +
                "whose eventId is the event, by type, whatever became of its deal. visitorsReceived is the event's own figure.")
            .WithProblems(400, 404);
    }
}
