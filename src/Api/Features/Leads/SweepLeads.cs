namespace DealPipeline.Api.Features.Leads;

/// <summary>Escalates the leads late on a deadline and recycles the leads left untouched, as of today: what the service does every Leads:SweepMinutes.</summary>
public sealed record SweepLeads : ICommand<LeadSweepResponse>, IAudited
{
    string IAudited.AuditEntity => "leadSweep";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => "swept";
}

/// <summary>What a sweep did: the leads escalated (with the users told, in each lead's history) and those recycled to the shared pool.</summary>
public sealed record LeadSweepResponse(DateOnly AsOf, IReadOnlyList<long> Escalated, IReadOnlyList<long> Recycled) : IAlsoChanged
{
    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<OtherChange> AlsoChanged { get; init; } = [];
}

/// <summary>What is due on one lead today: it goes back to the pool, its escalation moves to a level, or both.</summary>
public sealed record LeadDue(LeadResponse Lead, bool Recycle, Escalation Level, Deadline? Late, LeadDeadlineClock Clock);

/// <summary>
/// Which open leads are due for a change today, under the office's policy (Leads configuration) and deadline rules: a lead with an
/// officer untouched for Leads:RecycleAfterWorkingDays working days goes back to the shared pool; a lead late on a deadline rises to
/// the level its lateness reaches (owner the day after, the team's managers Leads:TeamLeadAfterWorkingDays working days after,
/// flagged Leads:FlagAfterWorkingDays after); a lead whose late deadline was met since falls back, without telling anyone.
/// </summary>
public sealed class LeadSweepPlanner(DbSession session, LeadStore leads, IOptions<LeadOptions> options)
{
    public async Task<IReadOnlyList<LeadDue>> DueAsync(CancellationToken cancellationToken)
    {
        var policy = options.Value.ToPolicy();
        var rows = (await session.QueryAsync<LeadResponse>(
                $"SELECT {LeadStore.Columns} FROM leads WHERE status IN (@pool, @assigned) ORDER BY id",
                new { pool = (int)LeadStatus.Pool, assigned = (int)LeadStatus.Assigned },
                cancellationToken))
            .ToList();
        if (rows.Count == 0)
        {
            return [];
        }

        var clock = await leads.DeadlineClockAsync(cancellationToken);
        var due = new List<LeadDue>();
        foreach (var lead in rows)
        {
            var (late, level) = policy.EscalationOf(clock.Of(lead), clock.Calendar, clock.Today);
            var recycle = lead.Status == LeadStatus.Assigned && policy.RecyclesOn(lead.TouchedOn, clock.Calendar, clock.Today);
            if (recycle || level != lead.Escalation)
            {
                due.Add(new LeadDue(lead, recycle, level, late, clock));
            }
        }

        return due;
    }
}

/// <summary>
/// Carries out what <see cref="LeadSweepPlanner"/> finds due. A rise records an escalation event naming the users told: the owner
/// for the first level (the team's managers when the lead has no officer), the team's managers (the office's when the team has
/// none) for the second; the flag tells no one new. Each lead changed is audited, in the change feed and in webhooks
/// (lead.escalated, lead.updated).
/// </summary>
public sealed class SweepLeadsHandler(LeadSweepPlanner planner, LeadStore leads, LeadReferences references, IClock clock) : IRequestHandler<SweepLeads, LeadSweepResponse>
{
    public async Task<LeadSweepResponse> Handle(SweepLeads request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var changed = new List<OtherChange>();
        var (escalated, recycled) = (new List<long>(), new List<long>());
        foreach (var due in await planner.DueAsync(cancellationToken))
        {
            try
            {
                await SweepAsync(due, today, changed, escalated, recycled, cancellationToken);
            }
            catch (ProblemException e) when (e.Status == StatusCodes.Status412PreconditionFailed)
            {
                // Changed since it was read (by a user, or another instance's sweep): nothing of it was written; the next round sees it afresh.
            }
        }

        return new LeadSweepResponse(today, escalated, recycled) { AlsoChanged = changed };
    }

    private async Task SweepAsync(LeadDue due, DateOnly today, List<OtherChange> changed, List<long> escalated, List<long> recycled, CancellationToken cancellationToken)
    {
        var lead = (await leads.CompleteAsync([due.Lead], cancellationToken, due.Clock))[0]; // as reads answer it, for the audit log's "before"
        if (due.Recycle)
        {
            var pooled = lead.ToPosition().Recycle();
            await leads.UpdateAsync(lead, pooled, new LeadEvent(LeadEventKind.Recycled, today) { OwnerId = null, TeamId = null }, lead.Escalation, cancellationToken);
            var after = await leads.GetAsync(lead.Id, cancellationToken, due.Clock);
            changed.Add(new OtherChange("lead", lead.Id, "recycled", after.Version, null, lead, after));
            recycled.Add(lead.Id);
            lead = after;
        }

        if (due.Level == lead.Escalation)
        {
            return;
        }

        var rises = due.Level > lead.Escalation;
        var told = new SortedSet<long>();
        for (var level = lead.Escalation + 1; rises && level <= due.Level; level++)
        {
            var to = level switch
            {
                Escalation.Owner when lead.OwnerId is { } owner => [owner],
                Escalation.Owner or Escalation.TeamLead => await references.TeamLeadsAsync(lead.TeamId, cancellationToken),
                _ => [],
            };
            told.UnionWith(to);
        }

        var note = due.Late is { } late ? $"{Names.Of(late.Kind)} due {late.Due:yyyy-MM-dd}" : null;
        await leads.UpdateAsync(
            lead,
            lead.ToPosition(),
            new LeadEvent(rises ? LeadEventKind.Escalated : LeadEventKind.Eased, today) { Level = due.Level, Notified = rises ? [.. told] : null, Note = note },
            due.Level,
            cancellationToken);
        var escalatedLead = await leads.GetAsync(lead.Id, cancellationToken, due.Clock);
        changed.Add(new OtherChange("lead", lead.Id, rises ? "escalated" : ChangeKinds.Updated, escalatedLead.Version, null, lead, escalatedLead));
        if (rises)
        {
            escalated.Add(lead.Id);
        }
    }
}

/// <summary>Runs the sweep every Leads:SweepMinutes, when something is due (a sweep that would change nothing writes nothing).</summary>
public sealed class LeadSweeper(IServiceScopeFactory scopes, IOptions<LeadOptions> options, ILogger<LeadSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(options.Value.SweepMinutes));
        do
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                if ((await scope.ServiceProvider.GetRequiredService<LeadSweepPlanner>().DueAsync(stoppingToken)).Count > 0)
                {
                    var swept = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new SweepLeads(), stoppingToken);
                    Log.LeadsSwept(logger, swept.Escalated.Count, swept.Recycled.Count);
                }
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                Log.LeadSweepFailed(logger, e);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
