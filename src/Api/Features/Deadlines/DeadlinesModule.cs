using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Deadlines;

public sealed class DeadlinesModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<DeadlineSource>();
        services.AddScoped<CalendarStore>();
        services.AddScoped<DeadlineRuleStore>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var calendar = api.MapGroup("/calendar").WithTags("Deadlines");
        calendar.MapPut("/{year:int}", async (int year, CalendarBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetCalendar(year, body.Holidays, body.Workdays), ct)))
            .Describe("SetCalendar", Policies.Admin, "Loads a year's public holidays and adjusted working days (调休) as the State Council publishes them; loading it again replaces them.")
            .WithDescription(
                "Working days are Monday to Friday, except the holidays, plus the workdays (Saturdays and Sundays made working days). Every day " +
                "must be in the year of the path; a day cannot be both. Deadlines counted in working days use this calendar; a year not loaded " +
                "counts Monday to Friday.")
            .WithProblems(400);
        calendar.MapGet("/{year:int}", async (int year, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetCalendar(year), ct)))
            .Describe("GetCalendar", Policies.Read, "A year's holidays and adjusted working days, as loaded; 404 when the year was not loaded.")
            .WithProblems(404);

        var rules = api.MapGroup("/deadline-rules").WithTags("Deadlines");
        rules.MapCreate<CreateDeadlineRule, DeadlineRuleResponse>()
            .Describe("CreateDeadlineRule", Policies.Admin, "Adds the deadlines (服务时限) of a class of lead: leads of at least minIntendedInvestment (CNY) answered and assessed within so many days of their opening, and reported on every so many days.")
            .WithDescription(
                "Each span is {count, unit}: unit workingDays (on the office's calendar, PUT /calendar/{year}) or days. A lead falls in the rule with " +
                "the highest minIntendedInvestment its intended investment (converted to CNY at today's rates) reaches; names and thresholds are " +
                "unique (409). At least one span.")
            .WithProblems(400, 409);
        rules.MapQuery<ListDeadlineRules, Page<DeadlineRuleResponse>>("/")
            .Describe("ListDeadlineRules", Policies.Read, "Lists the deadline rules in id order.")
            .WithProblems(400);
        rules.MapReadAndCorrect<DeadlineRuleResponse, CreateDeadlineRule>(
                "deadline rule", Policies.Admin, id => new GetDeadlineRule(id), (id, patch, ifMatch) => new PatchDeadlineRule(id, patch, ifMatch), operationName: "DeadlineRule")
            .WithDescription("A span set to null removes that deadline; a rule keeps at least one.");
        rules.MapDelete("/{id:long}", async (long id, IMediator mediator, CancellationToken ct) =>
            {
                await mediator.Send(new DeleteDeadlineRule(id), ct);
                return TypedResults.NoContent();
            })
            .Describe("DeleteDeadlineRule", Policies.Admin, "Removes a deadline rule: its leads fall in the next lower class, or have no deadlines.")
            .WithProblems(404);

        api.MapGet("/deals/{id:long}/deadlines", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetDealDeadlines(id), ct)))
            .WithTags("Deals").Describe("GetDealDeadlines", Policies.Read, "The deal's deadlines today (answer, assess, report) under its class of lead, with the next one to act on.")
            .WithDescription(
                "answer is met by the first activity, assess by the first change after the opening (past contact, on hold or lost; a deal opened past " +
                "contact is assessed on its opening); each is due a span after the opening and late (overdue) when not met by then. report is due " +
                "a span after the last activity (or the opening) while the deal is active and not landed. A deal on hold or lost has nothing open. " +
                "daysLate counts calendar days after the due day (for a deadline met late too). rule is null, and deadlines empty, when no rule covers " +
                "the deal's intended investment.")
            .WithProblems(404);
    }
}
