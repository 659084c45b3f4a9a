using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Letters;

/// <summary>The letters list, bound from the query string as it is and checked by its validators in the pipeline; updatedSince and updatedBefore (half-open) select what was written in a window, for incremental pulls.</summary>
public sealed record ListLetters : Feeds.FeedQuery, IQuery<Page<LetterResponse>>
{
    public string? Type { get; init; }

    public long? EventId { get; init; }

    public long? DealId { get; init; }

    /// <summary>Signed on or after (YYYY-MM-DD).</summary>
    public string? From { get; init; }

    /// <summary>Signed on or before (YYYY-MM-DD).</summary>
    public string? To { get; init; }
}

public sealed class ListLettersValidator : AbstractValidator<ListLetters>
{
    public ListLettersValidator()
    {
        RuleFor(x => x.Type).Must(DealFilterValidator.ListOf<LetterType>).WithMessage(ProblemTexts.FieldOneMoreCommaSeparatedValues.With(("field", "type"), ("values", "initiative, intent, expertAppointment")));
        RuleFor(x => x.EventId).Id();
        RuleFor(x => x.DealId).Id();
        RuleFor(x => x.From).Day();
        RuleFor(x => x.To).Day();
    }
}

public sealed class ListLettersHandler(IdPages pages, DbSession session, DealAccess access) : IRequestHandler<ListLetters, Page<LetterResponse>>
{
    public Task<Page<LetterResponse>> Handle(ListLetters request, CancellationToken cancellationToken)
    {
        var (from, to) = (QueryValues.Date(request.From, "from"), QueryValues.Date(request.To, "to"));
        var args = new Dapper.DynamicParameters(new { request.EventId, request.DealId, From = from, To = to });
        var where = new SqlWhere()
            .When(request.EventId is not null, "l.event_id = @EventId").When(request.DealId is not null, "l.deal_id = @DealId")
            .When(from is not null, "l.signed_on >= @From").When(to is not null, "l.signed_on <= @To").ToString();
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

        return pages.PageAsync<LetterResponse>(request, LetterStore.Select(access, args) + " AND " + where, args, cancellationToken);
    }
}
