using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Deadlines;

/// <summary>One deadline of a deal.</summary>
public sealed record DeadlineResponse(DeadlineKind Kind, DateOnly Due, DateOnly? MetOn, bool Overdue, int DaysLate)
{
    public static DeadlineResponse Of(Deadline deadline)
    {
        ArgumentNullException.ThrowIfNull(deadline);
        return new(deadline.Kind, deadline.Due, deadline.MetOn, deadline.Overdue, deadline.DaysLate);
    }
}

/// <summary>The class of lead a deal falls in.</summary>
public sealed record DeadlineRuleRef(long Id, string Name);

/// <summary>A deal's deadlines today: its class of lead (null when no rule covers it), each deadline, and the next one to act on.</summary>
public sealed record DealDeadlinesResponse(long DealId, DateOnly AsOf, DeadlineRuleRef? Rule, IReadOnlyList<DeadlineResponse> Deadlines, DeadlineResponse? Next);

public sealed record GetDealDeadlines(long DealId) : IQuery<DealDeadlinesResponse>;

public sealed class GetDealDeadlinesHandler(DealReader reader, DeadlineSource source, IClock clock) : IRequestHandler<GetDealDeadlines, DealDeadlinesResponse>
{
    public async Task<DealDeadlinesResponse> Handle(GetDealDeadlines request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.DealId, cancellationToken);
        var args = new Dapper.DynamicParameters();
        args.Add("id", request.DealId);
        var state = (await source.ForAsync("d.id = @id", args, cancellationToken)).Single();
        return new DealDeadlinesResponse(
            request.DealId,
            clock.Today,
            state.Rule is { } rule ? new DeadlineRuleRef(rule.Id, rule.Name) : null,
            [.. state.Deadlines.Select(DeadlineResponse.Of)],
            Domain.Deadlines.Next(state.Deadlines) is { } next ? DeadlineResponse.Of(next) : null);
    }
}
