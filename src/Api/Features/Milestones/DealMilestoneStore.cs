namespace DealPipeline.Api.Features.Milestones;

/// <summary>A milestone of the office's own list reached by a deal (供地, 备案 …): a row of deal_milestones.</summary>
public sealed record DealMilestoneResponse : IHasId
{
    public long Id { get; init; }

    public long DealId { get; init; }

    /// <summary>The step's code (GET /milestone-steps).</summary>
    public string Step { get; init; } = "";

    public DateOnly On { get; init; }

    public long? ByUserId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }
}

/// <summary>The deal_milestones table, and with the deal's own dates (开工, 投产) every milestone a deal has reached.</summary>
public sealed class DealMilestoneStore(DbSession session, IClock clock) : Deals.IStageRollback
{
    /// <summary>
    /// A deal moved back below signing loses all its milestones; below landing, those of the steps from 开工 on (入库, 上规, 达产 and
    /// the office's steps placed after 开工), which its own 开工 and 投产 dates lost with it. Each removal answered as a deletion.
    /// </summary>
    public async Task<IReadOnlyList<OtherChange>> RollBackAsync(long dealId, bool belowSigned, CancellationToken cancellationToken)
    {
        var condition = belowSigned ? "" : $" AND s.position > (SELECT c.position FROM milestone_steps c WHERE c.code = '{MilestoneStep.ConstructionStarted}')";
        var gone = (await session.QueryAsync<DealMilestoneResponse>($"SELECT {Columns} FROM {From} WHERE m.deal_id = @dealId{condition} ORDER BY m.id", new { dealId }, cancellationToken)).ToList();
        if (gone.Count > 0)
        {
            await session.ExecuteAsync($"DELETE FROM deal_milestones WHERE {session.Dialect.InList("id", "ids")}", new { ids = gone.Select(g => g.Id).ToArray() }, cancellationToken);
        }

        return [.. gone.Select(g => new OtherChange("dealMilestone", g.Id, ChangeKinds.Deleted, null, dealId, g, null))];
    }

    private const string Columns = "m.id, m.deal_id, s.code AS step, m.on_date AS \"on\", m.by_user_id, m.created_at";

    private const string From = "deal_milestones m JOIN milestone_steps s ON s.id = m.step_id";

    public Task<long> AddAsync(long dealId, long stepId, DateOnly on, long? byUserId, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("deal_milestones", "deal_id, step_id, on_date, by_user_id, created_at", "@dealId, @stepId, @on, @byUserId, @now"),
            new { dealId, stepId, on, byUserId, now = clock.UtcNow },
            cancellationToken);

    public Task<DealMilestoneResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<DealMilestoneResponse>($"SELECT {Columns} FROM {From} WHERE m.id = @id", new { id }, cancellationToken);

    /// <summary>The rows of one deal, in the order they were recorded.</summary>
    public async Task<IReadOnlyList<DealMilestoneResponse>> OfDealAsync(long dealId, CancellationToken cancellationToken) =>
        [.. await session.QueryAsync<DealMilestoneResponse>($"SELECT {Columns} FROM {From} WHERE m.deal_id = @dealId ORDER BY m.id", new { dealId }, cancellationToken)];

    /// <summary>Every milestone the deal has reached: its rows, and 开工 and 投产 from the deal itself.</summary>
    public async Task<IReadOnlyList<ReachedMilestone>> ReachedAsync(Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return Reached((await OfDealAsync(deal.Id, cancellationToken)).Select(r => new ReachedMilestone(r.Step, r.On)), deal.ConstructionStartedOn, deal.ProductionStartedOn, null);
    }

    /// <summary>
    /// The rows of the deals <paramref name="where"/> selects (over <c>deals d</c>), up to <paramref name="asOf"/>, by deal: what a
    /// report adds to each deal's own 开工 and 投产 dates.
    /// </summary>
    public async Task<ILookup<long, ReachedMilestone>> OfDealsAsync(string where, Dapper.DynamicParameters args, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.Add("milestonesAsOf", asOf);
        var rows = await session.QueryAsync<DealMilestoneResponse>(
            $"SELECT m.id, m.deal_id, s.code AS step, m.on_date AS \"on\" FROM deal_milestones m JOIN milestone_steps s ON s.id = m.step_id JOIN deals d ON d.id = m.deal_id WHERE {where} AND m.on_date <= @milestonesAsOf",
            args,
            cancellationToken);
        return rows.ToLookup(r => r.DealId, r => new ReachedMilestone(r.Step, r.On));
    }

    /// <summary>A deal's milestones: <paramref name="rows"/> and its own 开工 and 投产 dates, each only up to <paramref name="asOf"/> when given.</summary>
    public static IReadOnlyList<ReachedMilestone> Reached(IEnumerable<ReachedMilestone> rows, DateOnly? constructionStartedOn, DateOnly? productionStartedOn, DateOnly? asOf)
    {
        var all = rows.ToList();
        if (constructionStartedOn is { } started && (asOf is null || started <= asOf))
        {
            all.Add(new ReachedMilestone(MilestoneStep.ConstructionStarted, started));
        }

        if (productionStartedOn is { } producing && (asOf is null || producing <= asOf))
        {
            all.Add(new ReachedMilestone(MilestoneStep.ProductionStarted, producing));
        }

        return all;
    }
}
