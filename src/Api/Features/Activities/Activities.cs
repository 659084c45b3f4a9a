using System.Globalization;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

namespace DealPipeline.Api.Features.Activities;

/// <summary>Something an officer did on a deal: a call, a meeting, a visit to the company, the company's site visit (实地考察), a reception.</summary>
public sealed record ActivityResponse : IHasId
{
    public long Id { get; init; }

    public long DealId { get; init; }

    public ActivityType Type { get; init; }

    public DateOnly On { get; init; }

    public string Summary { get; init; } = "";

    public string? NextStep { get; init; }

    public DateOnly? NextStepDue { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

public sealed record ActivityBody(ActivityType? Type, DateOnly? On, string? Summary, string? NextStep, DateOnly? NextStepDue) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["type", "on", "summary"];

    public static object Example => new ActivityBody(ActivityType.SiteVisit, new DateOnly(2025, 11, 3), "陪同企业考察标准厂房，确认用地需求约 60 亩", "报送项目评审材料", new DateOnly(2025, 11, 17));
}

public static class ActivityEndpoints
{
    public static void MapActivities(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deals/{id:long}/activities").WithTags("Deals");
        group.MapPost("/", async (long id, ActivityBody body, IMediator mediator, CancellationToken ct) =>
            {
                var activity = await mediator.Send(new AddDealActivity(id, body.Type, body.On, body.Summary, body.NextStep, body.NextStepDue), ct);
                return TypedResults.Created($"/api/v1/deals/{id}/activities", activity);
            })
            .WithName("AddDealActivity").Allow(Policies.WorkDeals)
            .WithSummary("Records an activity on a deal: type (call, meeting, visit, siteVisit, reception, other), on, summary, and an optional next step and its due date.")
            .WithDescription(
                "An activity is a touch of the deal for the stale report (its last touch becomes the later of its last change and its last " +
                "activity); it does not change the deal's version or ETag. on cannot be in the future; nextStepDue is on or after on.")
            .WithProblems(400, 404);
        group.MapGet("/", async (long id, int? limit, string? cursor, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new ListDealActivities(id, limit ?? Cursor.DefaultLimit, cursor), ct)))
            .WithName("ListDealActivities").Allow(Policies.Read)
            .WithSummary("The deal's activities, newest first (by date, then by recording order).")
            .WithProblems(400, 404);
    }
}

public sealed record AddDealActivity(long DealId, ActivityType? Type, DateOnly? On, string? Summary, string? NextStep, DateOnly? NextStepDue)
    : ICommand<ActivityResponse>, IAudited
{
    string IAudited.AuditEntity => "activity";

    string? IAudited.AuditId => null;
}

public sealed class AddDealActivityValidator : AbstractValidator<AddDealActivity>
{
    public const int MaxSummaryLength = 2000;

    public AddDealActivityValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Type).NotNull().WithMessage("'type' is required: call, meeting, visit, siteVisit, reception or other.");
        RuleFor(x => x.On).NotNull().WithMessage("'on' is required (YYYY-MM-DD).").BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Summary).RequiredName(MaxSummaryLength);
        RuleFor(x => x.NextStep).MaximumLength(Validation.MaxTextLength);
        RuleFor(x => x.NextStepDue).Must((a, due) => due is null || a.On is null || due >= a.On).WithMessage("'nextStepDue' is on or after 'on'.");
    }
}

public sealed class AddDealActivityHandler(DbSession session, DealRepository deals, DealAccess access, ICurrentUser caller, IClock clock)
    : IRequestHandler<AddDealActivity, ActivityResponse>
{
    public async Task<ActivityResponse> Handle(AddDealActivity request, CancellationToken cancellationToken)
    {
        await DealQueries.LoadAsync(deals, access, request.DealId, null, cancellationToken);
        var on = request.On!.Value;
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "activities",
                "deal_id, type, on_date, summary, next_step, next_step_due, by_user_id, created_at",
                "@DealId, @type, @on, @summary, @nextStep, @NextStepDue, @by, @now"),
            new
            {
                request.DealId,
                type = (int)request.Type!.Value,
                on,
                summary = request.Summary!.Trim(),
                nextStep = string.IsNullOrWhiteSpace(request.NextStep) ? null : request.NextStep.Trim(),
                request.NextStepDue,
                by = caller.UserId,
                now = clock.UtcNow,
            },
            cancellationToken);

        // A touch, not a change: the deal's version and updatedAt stay.
        await session.ExecuteAsync(
            "UPDATE deals SET last_activity_on = @on WHERE id = @DealId AND (last_activity_on IS NULL OR last_activity_on < @on)",
            new { on, request.DealId },
            cancellationToken);
        return await session.QuerySingleAsync<ActivityResponse>($"SELECT {ActivityQueries.Columns} FROM activities WHERE id = @id", new { id }, cancellationToken);
    }
}

public sealed record ListDealActivities(long DealId, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ActivityResponse>>, IPagedRequest;

public sealed class ListDealActivitiesHandler(DbSession session, DealAccess access, Cursors cursors) : IRequestHandler<ListDealActivities, Page<ActivityResponse>>
{
    public async Task<Page<ActivityResponse>> Handle(ListDealActivities request, CancellationToken cancellationToken)
    {
        await DealQueries.GetAsync(session, access, request.DealId, cancellationToken);
        var args = new Dapper.DynamicParameters();
        var sql = NewestFirst.Select(new DbSqlParts(session.Dialect, ActivityQueries.Columns, "activities", ""), cursors, request.Cursor, request.DealId, request.Limit, args);
        var rows = (await session.QueryAsync<ActivityResponse>(sql, args, cancellationToken)).ToList();
        return NewestFirst.Page(cursors, rows, request.Limit, a => (a.On, a.Id));
    }
}

public static class ActivityQueries
{
    public const string Columns = "id, deal_id, type, on_date AS \"on\", summary, next_step, next_step_due, by_user_id, created_at";
}
