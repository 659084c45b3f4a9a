using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Milestones;

/// <summary>One step of the office's list as a deal stands at it: reached on, and the days since its previous milestone (else its signing).</summary>
public sealed record DealMilestoneItem(string Code, string Name, string? NameEn, int Position, bool Required, DateOnly? On, int? DaysFromPrevious);

/// <summary>Where a deal waits: the next step after its latest milestone (else its signing), since that day.</summary>
public sealed record MilestoneWaiting(string Step, string Name, DateOnly Since, int Days);

/// <summary>A deal's milestones after signing, every enabled step in the office's order, and where it waits today.</summary>
public sealed record DealMilestones(long DealId, DateOnly? SignedOn, DateOnly? LandedOn, IReadOnlyList<DealMilestoneItem> Steps, MilestoneWaiting? WaitingAt)
{
    /// <summary>The deal's version (the answer's ETag): a milestone moves it on, and If-Match on the next one guards against a stale copy.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int DealVersion { get; init; }
}

public sealed record ListDealMilestones(long Id) : IQuery<DealMilestones>;

public sealed class ListDealMilestonesHandler(DealReader reader, MilestoneStepStore steps, DealMilestoneStore milestones, IClock clock)
    : IRequestHandler<ListDealMilestones, DealMilestones>
{
    public async Task<DealMilestones> Handle(ListDealMilestones request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deal = await reader.GetAsync(request.Id, cancellationToken);
        var all = (await steps.AllAsync(cancellationToken)).Where(s => s.Enabled).ToList();
        var rows = await milestones.OfDealAsync(deal.Id, cancellationToken);
        var reached = DealMilestoneStore.Reached(rows.Select(r => new ReachedMilestone(r.Step, r.On)), deal.ConstructionStartedOn, deal.ProductionStartedOn, null);
        var dates = reached.ToDictionary(r => r.Code, r => r.On, StringComparer.Ordinal);
        var items = all.Select(s => new DealMilestoneItem(
            s.Code,
            s.Name,
            s.NameEn,
            s.Position,
            s.Required,
            dates.TryGetValue(s.Code, out var on) ? on : null,
            deal.SignedOn is { } signed ? MilestoneRules.DaysFromPrevious(all, reached, s, signed) : null)).ToList();
        MilestoneWaiting? waiting = null;
        if (deal.SignedOn is { } signedOn && deal.Status != DealStatus.Lost && MilestoneRules.WaitingAt(all, reached, signedOn) is { } at)
        {
            waiting = new MilestoneWaiting(at.Step.Code, at.Step.Name, at.Since, clock.Today.DayNumber - at.Since.DayNumber);
        }

        return new DealMilestones(deal.Id, deal.SignedOn, deal.LandedOn, items, waiting) { DealVersion = deal.Version };
    }
}
