using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Events;

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
            $"SELECT {EventQueries.Columns} FROM events WHERE {new SqlWhere().When(request.From is not null, "starts_on >= @from").When(request.To is not null, "starts_on <= @to")}{filters}",
            args,
            cancellationToken);
    }
}
