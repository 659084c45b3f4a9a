using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Letters;

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
        var where = new SqlWhere()
            .When(request.EventId is not null, "l.event_id = @EventId").When(request.DealId is not null, "l.deal_id = @DealId")
            .When(request.From is not null, "l.signed_on >= @From").When(request.To is not null, "l.signed_on <= @To").ToString();
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
