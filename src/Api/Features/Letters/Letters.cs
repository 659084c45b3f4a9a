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

namespace DealPipeline.Api.Features.Letters;

/// <summary>One of the three letters (三书), linked to a deal, an event, both or neither.</summary>
public sealed record LetterResponse : IHasId
{
    public long Id { get; init; }

    public LetterType Type { get; init; }

    public DateOnly SignedOn { get; init; }

    public string Counterparty { get; init; } = "";

    public long? DealId { get; init; }

    public long? EventId { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }

    public int Version { get; init; }
}

public static class LetterEndpoints
{
    public static void MapLetters(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/letters").WithTags("Letters");
        group.MapPost("/", async (CreateLetter command, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var letter = await mediator.Send(command, ct);
                return ETags.Created(response, $"/api/v1/letters/{letter.Id}", letter, letter.Version);
            })
            .WithName("CreateLetter").Allow(Policies.WorkDeals)
            .WithSummary("Records a signed letter: initiative (合作倡议书), intent (合作意向书) or expertAppointment (专家聘书).")
            .WithDescription(
                "dealId (a deal the caller may change) and eventId are optional: an expert's appointment letter may belong to no deal. A letter does " +
                "not move its deal: officers usually follow a letter on a deal in contact or negotiation with the transition to letters.")
            .WithProblems(400, 404);
        group.MapGet("/", async ([AsParameters] LetterQuery query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query.ToRequest(), ct)))
            .WithName("ListLetters").Allow(Policies.Read)
            .WithSummary("Lists letters in id order, filtered by type (comma-separated), eventId, dealId, signing date from/to (inclusive) and updatedSince/updatedBefore (half-open, for incremental pulls). Letters of confidential deals the caller may not see are left out.")
            .WithProblems(400);
        group.MapGet("/{id:long}", async (long id, IMediator mediator, HttpResponse response, CancellationToken ct) =>
            {
                var letter = await mediator.Send(new GetLetter(id), ct);
                return ETags.Ok(response, letter, letter.Version);
            })
            .WithName("GetLetter").Allow(Policies.Read).WithSummary("Reads a letter.")
            .WithProblems(404);
    }
}

public sealed record CreateLetter(LetterType? Type, DateOnly? SignedOn, string? Counterparty, long? DealId, long? EventId) : ICommand<LetterResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["type", "signedOn", "counterparty"];

    public static object Example => new CreateLetter(LetterType.Intent, new DateOnly(2025, 6, 11), "中山万孚智能医疗科技有限公司", null, 1);

    string IAudited.AuditEntity => "letter";

    string? IAudited.AuditId => null;
}

public sealed class CreateLetterValidator : AbstractValidator<CreateLetter>
{
    public CreateLetterValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Type).NotNull().WithMessage("'type' is required: initiative, intent or expertAppointment.");
        RuleFor(x => x.SignedOn).NotNull().WithMessage("'signedOn' is required (YYYY-MM-DD).").BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Counterparty).RequiredName();
        RuleFor(x => x.DealId).Id();
        RuleFor(x => x.EventId).Id();
    }
}

public sealed class CreateLetterHandler(DbSession session, DealRepository deals, DealAccess access, ICurrentUser caller, IClock clock)
    : IRequestHandler<CreateLetter, LetterResponse>
{
    public async Task<LetterResponse> Handle(CreateLetter request, CancellationToken cancellationToken)
    {
        await References.RequireAsync(session, "events", request.EventId, "eventId", "event", cancellationToken);

        if (request.DealId is { } dealId)
        {
            // The same rule as changing the deal: 404 if the caller cannot see it, 403 if they cannot work on it.
            await DealQueries.LoadAsync(deals, access, dealId, null, cancellationToken);
        }

        var now = clock.UtcNow;
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "letters",
                "type, signed_on, counterparty, deal_id, event_id, by_user_id, created_at, updated_at, version",
                "@type, @SignedOn, @counterparty, @DealId, @EventId, @by, @now, @now, 1"),
            new { type = (int)request.Type!.Value, request.SignedOn, counterparty = request.Counterparty!.Trim(), request.DealId, request.EventId, by = caller.UserId, now },
            cancellationToken);
        return await LetterQueries.GetAsync(session, access, id, cancellationToken);
    }
}

public sealed record GetLetter(long Id) : IQuery<LetterResponse>;

public sealed class GetLetterHandler(DbSession session, DealAccess access) : IRequestHandler<GetLetter, LetterResponse>
{
    public Task<LetterResponse> Handle(GetLetter request, CancellationToken cancellationToken) => LetterQueries.GetAsync(session, access, request.Id, cancellationToken);
}

public sealed record LetterQuery
{
    public string? Type { get; init; }

    public long? EventId { get; init; }

    public long? DealId { get; init; }

    /// <summary>Signed on or after (YYYY-MM-DD).</summary>
    public string? From { get; init; }

    /// <summary>Signed on or before (YYYY-MM-DD).</summary>
    public string? To { get; init; }

    /// <summary>Written (created or corrected) at or after this instant: for incremental pulls.</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    /// <summary>Written before this instant (half-open with updatedSince).</summary>
    public DateTimeOffset? UpdatedBefore { get; init; }

    public int? Limit { get; init; }

    public string? Cursor { get; init; }

    public ListLetters ToRequest() => new(Type, EventId, DealId, QueryValues.Date(From, "from"), QueryValues.Date(To, "to"), Limit ?? Http.Cursor.DefaultLimit, Cursor)
    {
        UpdatedSince = UpdatedSince,
        UpdatedBefore = UpdatedBefore,
    };
}

public sealed record ListLetters(string? Type, long? EventId, long? DealId, DateOnly? From, DateOnly? To, int Limit, string? Cursor) : IQuery<Page<LetterResponse>>, IPagedRequest
{
    public DateTimeOffset? UpdatedSince { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }
}

public sealed class ListLettersValidator : AbstractValidator<ListLetters>
{
    public ListLettersValidator()
    {
        RuleFor(x => x.Type).Must(DealFilterValidator.ListOf<LetterType>).WithMessage("'type' is one or more (comma-separated) of: initiative, intent, expertAppointment.");
        RuleFor(x => x.EventId).Id();
        RuleFor(x => x.DealId).Id();
        RuleFor(x => x.UpdatedBefore).AfterSince(x => x.UpdatedSince);
    }
}

public sealed class ListLettersHandler(DbSession session, DealAccess access, Cursors cursors) : IRequestHandler<ListLetters, Page<LetterResponse>>
{
    public Task<Page<LetterResponse>> Handle(ListLetters request, CancellationToken cancellationToken)
    {
        var args = new Dapper.DynamicParameters(new { request.EventId, request.DealId, request.From, request.To });
        var where = "(@EventId IS NULL OR l.event_id = @EventId) AND (@DealId IS NULL OR l.deal_id = @DealId) " +
                    "AND (CAST(@From AS DATE) IS NULL OR l.signed_on >= @From) AND (CAST(@To AS DATE) IS NULL OR l.signed_on <= @To)";
        if (DealFilterValidator.Parse<LetterType>(request.Type) is { } types)
        {
            where += " AND " + session.Dialect.InList("l.type", "types");
            args.Add("types", types);
        }

        if (request.UpdatedSince is { } since)
        {
            where += " AND l.updated_at >= @since";
            args.Add("since", since);
        }

        if (request.UpdatedBefore is { } before)
        {
            where += " AND l.updated_at < @before";
            args.Add("before", before);
        }

        return ListById.PageAsync<LetterResponse>(session, cursors, request, LetterQueries.Select(access, args) + " AND " + where, args, cancellationToken);
    }
}

public static class LetterQueries
{
    /// <summary>SELECT … FROM letters l … WHERE (the letter is visible): a letter of a confidential deal is seen by those who see the deal.</summary>
    public static string Select(DealAccess access, Dapper.DynamicParameters args)
    {
        ArgumentNullException.ThrowIfNull(access);
        return "SELECT id, type, signed_on, counterparty, deal_id, event_id, by_user_id, created_at, updated_at, version FROM (" +
               "SELECT l.id, l.type, l.signed_on, l.counterparty, l.deal_id, l.event_id, l.by_user_id, l.created_at, l.updated_at, l.version " +
               "FROM letters l LEFT JOIN deals d ON d.id = l.deal_id " +
               $"WHERE (l.deal_id IS NULL OR (d.deleted_at IS NULL AND {access.VisibleSql(args)}))) l WHERE 1 = 1";
    }

    public static async Task<LetterResponse> GetAsync(DbSession session, DealAccess access, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var args = new Dapper.DynamicParameters(new { id });
        return await session.QuerySingleOrDefaultAsync<LetterResponse>(Select(access, args) + " AND l.id = @id", args, cancellationToken)
            ?? throw ProblemException.NotFound("letter", id);
    }
}
