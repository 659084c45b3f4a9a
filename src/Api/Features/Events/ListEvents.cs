using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Events;

/// <summary>The events list, bound from the query string as it is and checked by its validators in the pipeline; updatedSince and updatedBefore (half-open) select what was written in a window, for incremental pulls.</summary>
public sealed record ListEvents : Feeds.FeedQuery, IQuery<Page<EventResponse>>
{
    /// <summary>Events starting on or after this date (YYYY-MM-DD).</summary>
    public string? From { get; init; }

    /// <summary>Events starting on or before this date (YYYY-MM-DD).</summary>
    public string? To { get; init; }

    public string? Type { get; init; }
}

public sealed class ListEventsValidator : AbstractValidator<ListEvents>
{
    public ListEventsValidator()
    {
        RuleFor(x => x.Type).Must(Deals.DealFilterValidator.ListOf<EventType>).WithMessage(ProblemTexts.FieldOneMoreCommaSeparatedValues.With(("field", "type"), ("values", "promotion, forum, outboundTrip, exhibition, webinar, other")));
        RuleFor(x => x.From).Day();
        RuleFor(x => x.To).Day();
    }
}

public sealed class ListEventsHandler(IdPages pages, DbSession session) : IRequestHandler<ListEvents, Page<EventResponse>>
{
    public Task<Page<EventResponse>> Handle(ListEvents request, CancellationToken cancellationToken)
    {
        var (from, to) = (QueryValues.Date(request.From, "from"), QueryValues.Date(request.To, "to"));
        var args = new Dapper.DynamicParameters(new { from, to });
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

        return pages.PageAsync<EventResponse>(request,
            $"SELECT {EventStore.Columns} FROM events WHERE {new SqlWhere().When(from is not null, "starts_on >= @from").When(to is not null, "starts_on <= @to")}{filters}",
            args,
            cancellationToken);
    }
}
