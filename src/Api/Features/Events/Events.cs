using System.Globalization;
using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Reports;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;

namespace DealPipeline.Api.Features.Events;

/// <summary>A promotion event: a promotion meeting (推介会), forum, outbound trip (招商考察), exhibition or webinar.</summary>
public sealed record EventResponse : IHasId
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    public EventType Type { get; init; }

    public DateOnly StartsOn { get; init; }

    public DateOnly EndsOn { get; init; }

    public string City { get; init; } = "";

    public long? ParkId { get; init; }

    public int? VisitorsReceived { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }
}

/// <summary>An event's fields as created and as a merge patch changes them.</summary>
public record EventFields : IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "type", "startsOn", "endsOn", "city"];

    public static object Example => new EventFields
    {
        Name = "2026 生物医药产业链招商推介会", Type = EventType.Promotion, StartsOn = new DateOnly(2025, 3, 18), EndsOn = new DateOnly(2025, 3, 19), City = "上海", ParkId = 3, VisitorsReceived = 180,
    };

    public string? Name { get; init; }

    public EventType? Type { get; init; }

    public DateOnly? StartsOn { get; init; }

    public DateOnly? EndsOn { get; init; }

    public string? City { get; init; }

    public long? ParkId { get; init; }

    /// <summary>Visitors received (接待人数), often known only after the event.</summary>
    public int? VisitorsReceived { get; init; }
}

public sealed class EventFieldsValidator : AbstractValidator<EventFields>
{
    public const int MaxVisitors = 10_000_000;

    public EventFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Type).NotNull().WithMessage("'type' is required: promotion, forum, outboundTrip, exhibition, webinar or other.");
        RuleFor(x => x.StartsOn).NotNull().WithMessage("'startsOn' is required (YYYY-MM-DD).").BusinessDate();
        RuleFor(x => x.EndsOn).NotNull().WithMessage("'endsOn' is required (YYYY-MM-DD).")
            .Must((e, end) => e.StartsOn is null || end is null || end >= e.StartsOn).WithMessage("'endsOn' is on or after 'startsOn'.");
        RuleFor(x => x.City).RequiredName(Validation.MaxCityLength);
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.VisitorsReceived).InclusiveBetween(0, MaxVisitors);
    }
}

public static class EventEndpoints
{
    public static void MapEvents(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/events").WithTags("Events");
        group.MapPost("/", async (CreateEvent command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var created = await mediator.Send(command, ct);
                return ETags.Created(response, $"/api/v1/events/{created.Id}", created, created.Version);
            })
            .WithName("CreateEvent").Allow(Policies.WorkDeals)
            .WithSummary("Records a promotion event: name, type, startsOn, endsOn, city, and optionally parkId and visitorsReceived.")
            .WithProblems(400);
        group.MapGet("/", async ([AsParameters] EventQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query.ToRequest(), ct)))
            .WithName("ListEvents").Allow(Policies.Read)
            .WithSummary("Lists events in id order; from/to (YYYY-MM-DD, inclusive) keep those starting in the period, type one or more comma-separated types; updatedSince/updatedBefore (half-open) select what was written in a window, for incremental pulls.")
            .WithProblems(400);
        group.MapGet("/{id:long}", async (long id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var found = await mediator.Send(new GetEvent(id), ct);
                return ETags.Ok(response, found, found.Version);
            })
            .WithName("GetEvent").Allow(Policies.Read).WithSummary("Reads an event; its ETag is its version.")
            .WithProblems(404);
        group.MapPatch("/{id:long}", async (long id, IMediator mediator, HttpRequest request, HttpResponse response, CancellationToken ct) =>
            {
                var patch = await MergePatch.ReadAsync(request, ct);
                var patched = await mediator.Send(new PatchEvent(id, patch, ETags.ExpectedVersion(request)), ct);
                return ETags.Ok(response, patched, patched.Version);
            })
            .Accepts<EventFields>(MergePatch.MediaType, "application/json")
            .WithName("PatchEvent").Allow(Policies.WorkDeals)
            .WithSummary("Changes an event's fields with a JSON merge patch (e.g. visitorsReceived after the event); If-Match guards against lost updates.")
            .WithProblems(400, 404, 412);
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

public sealed record CreateEvent : EventFields, ICommand<EventResponse>, IAudited
{
    string IAudited.AuditEntity => "event";

    string? IAudited.AuditId => null;
}

public sealed class CreateEventHandler(DbSession session, IClock clock) : IRequestHandler<CreateEvent, EventResponse>
{
    public async Task<EventResponse> Handle(CreateEvent request, CancellationToken cancellationToken)
    {
        await References.RequireAsync(session, "parks", request.ParkId, "parkId", "park", cancellationToken);
        var now = clock.UtcNow;
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "events",
                "name, type, starts_on, ends_on, city, park_id, visitors_received, created_at, updated_at, version",
                "@Name, @Type, @StartsOn, @EndsOn, @City, @ParkId, @VisitorsReceived, @now, @now, 1"),
            new { Name = request.Name!.Trim(), Type = (int)request.Type!.Value, request.StartsOn, request.EndsOn, City = request.City!.Trim(), request.ParkId, request.VisitorsReceived, now },
            cancellationToken);
        return await EventQueries.GetAsync(session, id, cancellationToken);
    }
}

public sealed record GetEvent(long Id) : IQuery<EventResponse>;

public sealed class GetEventHandler(DbSession session) : IRequestHandler<GetEvent, EventResponse>
{
    public Task<EventResponse> Handle(GetEvent request, CancellationToken cancellationToken) => EventQueries.GetAsync(session, request.Id, cancellationToken);
}

public sealed record PatchEvent(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<EventResponse>, IAudited
{
    string IAudited.AuditEntity => "event";

    string? IAudited.AuditId => Id.ToString(CultureInfo.InvariantCulture);
}

public sealed class PatchEventHandler(DbSession session, IClock clock, IValidator<EventFields> validator, IOptions<JsonOptions> json)
    : IRequestHandler<PatchEvent, EventResponse>
{
    private static readonly Dictionary<string, string> NotPatchable = new(StringComparer.Ordinal)
    {
        ["id"] = "The id is assigned by the server.",
        ["createdAt"] = "Timestamps are set by the server.",
        ["updatedAt"] = "Timestamps are set by the server.",
        ["version"] = "The version is set by the server; send it as If-Match to guard a change.",
    };

    public async Task<EventResponse> Handle(PatchEvent request, CancellationToken cancellationToken)
    {
        var current = await EventQueries.GetAsync(session, request.Id, cancellationToken);
        if (request.ExpectedVersion?.Allows(current.Version) == false)
        {
            throw ProblemException.PreconditionFailed(current.Version);
        }

        var fields = MergePatch.Apply(
            new EventFields { Name = current.Name, Type = current.Type, StartsOn = current.StartsOn, EndsOn = current.EndsOn, City = current.City, ParkId = current.ParkId, VisitorsReceived = current.VisitorsReceived },
            request.Patch,
            json.Value.SerializerOptions,
            NotPatchable);
        var result = await validator.ValidateAsync(fields, cancellationToken);
        if (!result.IsValid)
        {
            throw new ValidationException(result.Errors);
        }

        await References.RequireAsync(session, "parks", fields.ParkId, "parkId", "park", cancellationToken);
        var updated = await session.ExecuteAsync(
            "UPDATE events SET name = @Name, type = @Type, starts_on = @StartsOn, ends_on = @EndsOn, city = @City, park_id = @ParkId, " +
            "visitors_received = @VisitorsReceived, updated_at = @now, version = version + 1 WHERE id = @Id AND version = @Version",
            new { Name = fields.Name!.Trim(), Type = (int)fields.Type!.Value, fields.StartsOn, fields.EndsOn, City = fields.City!.Trim(), fields.ParkId, fields.VisitorsReceived, now = clock.UtcNow, current.Id, current.Version },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(current.Version + 1);
        }

        return await EventQueries.GetAsync(session, request.Id, cancellationToken);
    }
}

public sealed record EventQuery
{
    /// <summary>Events starting on or after this date (YYYY-MM-DD).</summary>
    public string? From { get; init; }

    /// <summary>Events starting on or before this date (YYYY-MM-DD).</summary>
    public string? To { get; init; }

    public string? Type { get; init; }

    /// <summary>Written (created or corrected) at or after this instant: for incremental pulls.</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Written before this instant (half-open with updatedSince).</summary>
    public DateTimeOffset? UpdatedBefore { get; init; }

    public int? Limit { get; init; }

    public string? Cursor { get; init; }

    public ListEvents ToRequest() => new(QueryValues.Date(From, "from"), QueryValues.Date(To, "to"), Type, Limit ?? Http.Cursor.DefaultLimit, Cursor)
    {
        UpdatedSince = UpdatedSince,
        UpdatedBefore = UpdatedBefore,
    };
}

public sealed record ListEvents(DateOnly? From, DateOnly? To, string? Type, int Limit, string? Cursor) : IQuery<Page<EventResponse>>, IPagedRequest
{
    public DateTimeOffset? UpdatedSince { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }
}

public sealed class ListEventsValidator : AbstractValidator<ListEvents>
{
    public ListEventsValidator()
    {
        RuleFor(x => x.Type).Must(Deals.DealFilterValidator.ListOf<EventType>).WithMessage("'type' is one or more (comma-separated) of: promotion, forum, outboundTrip, exhibition, webinar, other.");
        RuleFor(x => x.UpdatedBefore).AfterSince(x => x.UpdatedSince);
    }
}

public sealed class ListEventsHandler(DbSession session, Cursors cursors) : IRequestHandler<ListEvents, Page<EventResponse>>
{
    public Task<Page<EventResponse>> Handle(ListEvents request, CancellationToken cancellationToken)
    {
        var args = new Dapper.DynamicParameters(new { from = request.From, to = request.To });
        var types = Deals.DealFilterValidator.Parse<EventType>(request.Type);
        var filters = types is null ? "" : " AND " + session.Dialect.InList("type", "types");
        if (types is not null)
        {
            args.Add("types", types);
        }

        if (request.UpdatedSince is { } since)
        {
            filters += " AND updated_at >= @since";
            args.Add("since", since);
        }

        if (request.UpdatedBefore is { } before)
        {
            filters += " AND updated_at < @before";
            args.Add("before", before);
        }

        return ListById.PageAsync<EventResponse>(
            session,
            cursors,
            request,
            $"SELECT {EventQueries.Columns} FROM events WHERE (CAST(@from AS DATE) IS NULL OR starts_on >= @from) AND (CAST(@to AS DATE) IS NULL OR starts_on <= @to){filters}",
            args,
            cancellationToken);
    }
}

public static class EventQueries
{
    public const string Columns = "id, name, type, starts_on, ends_on, city, park_id, visitors_received, created_at, updated_at, version";

    public static async Task<EventResponse> GetAsync(DbSession session, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.QuerySingleOrDefaultAsync<EventResponse>($"SELECT {Columns} FROM events WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("event", id);
    }
}
