using DealPipeline.Api.Features.Deadlines;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Leads;

/// <summary>
/// The leads, their history and the dispatch rules: every write of the Leads area and the reads its use cases share, with
/// each lead's deadlines today (the office's deadline rule for its amount in CNY at today's rates, on the office's calendar,
/// from the day it came in).
/// </summary>
public sealed class LeadStore(DbSession session, DeadlineRuleStore deadlineRules, CalendarStore calendars, FxRateStore rates, IClock clock, ICurrentUser caller)
{
    public const string Columns =
        "id, company_id, title, source, source_event_id, referrer_id, sector_id, park_id, intended_minor, currency, contact, note, received_on, status, owner_id, team_id, " +
        "rule_id, first_contact_on, touched_on, escalation, decided_on, deal_id, by_user_id, created_at, updated_at, version";

    public const string RuleColumns = "id, name, priority, sector_id, region_code, min_minor, max_minor, team_id, owner_id, created_at, version";

    /// <summary>The lead with its deadlines and history, or a 404; <paramref name="clock"/> when the caller read the deadlines' inputs already.</summary>
    public async Task<LeadResponse> GetAsync(long id, CancellationToken cancellationToken, LeadDeadlineClock? clock = null) =>
        (await CompleteAsync(await session.QueryAsync<LeadResponse>($"SELECT {Columns} FROM leads WHERE id = @id", new { id }, cancellationToken), cancellationToken, clock)).SingleOrDefault()
        ?? throw ProblemException.NotFound("lead", id);

    /// <summary>Rows of leads with their state, deadlines today and history.</summary>
    public async Task<IReadOnlyList<LeadResponse>> CompleteAsync(IEnumerable<LeadResponse> rows, CancellationToken cancellationToken, LeadDeadlineClock? clock = null)
    {
        var leads = rows.ToList();
        if (leads.Count == 0)
        {
            return [];
        }

        var events = (await session.QueryAsync<LeadEventResponse>(
                $"SELECT lead_id, kind, on_date, at, by_user_id, note, activity_type, owner_id, team_id, rule_id, level, notified, deal_id FROM lead_events WHERE {session.Dialect.InList("lead_id", "ids")} ORDER BY id",
                new { ids = leads.Select(l => l.Id).ToArray() },
                cancellationToken))
            .ToLookup(e => e.LeadId);
        var clocks = clock ?? await DeadlineClockAsync(cancellationToken);
        return [.. leads.Select(l => l with
        {
            State = StateOf(l.Status, l.OwnerId, l.TeamId),
            Deadlines = [.. clocks.Of(l).Select(DeadlineResponse.Of)],
            History = [.. events[l.Id]],
        })];
    }

    public static LeadState StateOf(LeadStatus status, long? ownerId, long? teamId) => status switch
    {
        LeadStatus.Converted => LeadState.Converted,
        LeadStatus.Dropped => LeadState.Dropped,
        _ when ownerId is not null => LeadState.Assigned,
        _ when teamId is not null => LeadState.Queued,
        _ => LeadState.Pool,
    };

    /// <summary>What the deadlines of leads are computed with today: the deadline rules, the calendar and today's rates.</summary>
    public async Task<LeadDeadlineClock> DeadlineClockAsync(CancellationToken cancellationToken) =>
        new(await deadlineRules.AllAsync(cancellationToken), await calendars.WorkCalendarAsync(DateOnly.MinValue, DateOnly.MaxValue, cancellationToken), await rates.InForceAsync(clock.Today, cancellationToken), clock.Today);

    /// <summary>Receives a lead placed where dispatch put it, with its first events (received; dispatched when a rule placed it); answers its id.</summary>
    public async Task<long> AddAsync(NewLead lead, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var now = clock.UtcNow;
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "leads",
                "company_id, title, source, source_event_id, referrer_id, sector_id, park_id, intended_minor, currency, contact, note, received_on, status, owner_id, team_id, " +
                "rule_id, first_contact_on, touched_on, escalation, decided_on, deal_id, by_user_id, created_at, updated_at, version",
                "@CompanyId, @Title, @Source, @SourceEventId, @ReferrerId, @SectorId, @ParkId, @IntendedMinor, @Currency, @Contact, @Note, @ReceivedOn, @Status, @OwnerId, @TeamId, " +
                "@RuleId, NULL, @today, 0, NULL, NULL, @by, @now, @now, 1"),
            new
            {
                lead.CompanyId,
                lead.Title,
                Source = (int)lead.Source,
                lead.SourceEventId,
                lead.ReferrerId,
                lead.SectorId,
                lead.ParkId,
                lead.IntendedMinor,
                lead.Currency,
                lead.Contact,
                lead.Note,
                lead.ReceivedOn,
                Status = (int)lead.Position.Status,
                lead.Position.OwnerId,
                lead.Position.TeamId,
                lead.RuleId,
                today = clock.Today,
                by = caller.UserId,
                now,
            },
            cancellationToken);
        await AddEventAsync(id, new LeadEvent(LeadEventKind.Received, lead.ReceivedOn) { Note = lead.ClaimOverride }, cancellationToken);
        if (lead.RuleId is not null)
        {
            await AddEventAsync(id, new LeadEvent(LeadEventKind.Dispatched, lead.ReceivedOn) { OwnerId = lead.Position.OwnerId, TeamId = lead.Position.TeamId, RuleId = lead.RuleId }, cancellationToken);
        }

        return id;
    }

    /// <summary>
    /// Writes a lead's new position and escalation (and, for a contact, its first contact; for a decision, the day) if nobody
    /// changed it since it was read (412 otherwise), with its event; a take, an assignment and a contact touch it on the event's day,
    /// a conversion and a drop decide it on that day.
    /// </summary>
    public async Task UpdateAsync(LeadResponse current, LeadPosition to, LeadEvent happened, Escalation escalation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(happened);
        var touches = happened.Kind is LeadEventKind.Taken or LeadEventKind.Assigned or LeadEventKind.Contacted;
        var decides = happened.Kind is LeadEventKind.Converted or LeadEventKind.Dropped;
        var updated = await session.ExecuteAsync(
            """
            UPDATE leads SET status = @status, owner_id = @OwnerId, team_id = @TeamId,
                first_contact_on = CASE WHEN @contact = 1 AND (first_contact_on IS NULL OR first_contact_on > @on) THEN @on ELSE first_contact_on END,
                touched_on = CASE WHEN @touches = 1 AND touched_on < @on THEN @on ELSE touched_on END,
                escalation = @escalation, decided_on = CASE WHEN @decides = 1 THEN @on ELSE decided_on END, deal_id = COALESCE(@dealId, deal_id),
                updated_at = @now, version = version + 1
            WHERE id = @id AND version = @version
            """,
            new
            {
                status = (int)to.Status,
                to.OwnerId,
                to.TeamId,
                contact = happened.Kind == LeadEventKind.Contacted ? 1 : 0,
                on = happened.On,
                touches = touches ? 1 : 0,
                escalation = (int)escalation,
                decides = decides ? 1 : 0,
                dealId = happened.DealId,
                now = clock.UtcNow,
                id = current.Id,
                version = current.Version,
            },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(current.Version + 1);
        }

        await AddEventAsync(current.Id, happened with { OwnerId = happened.OwnerId ?? to.OwnerId, TeamId = happened.TeamId ?? to.TeamId }, cancellationToken);
    }

    /// <summary>The contacts recorded on a lead, oldest first: what its deal keeps as activities once converted.</summary>
    public async Task<IReadOnlyList<LeadEventResponse>> ContactsAsync(long leadId, CancellationToken cancellationToken) =>
        [.. await session.QueryAsync<LeadEventResponse>(
            "SELECT lead_id, kind, on_date, at, by_user_id, note, activity_type, owner_id, team_id, rule_id, level, notified, deal_id FROM lead_events WHERE lead_id = @leadId AND kind = @kind ORDER BY on_date, id",
            new { leadId, kind = (int)LeadEventKind.Contacted },
            cancellationToken)];

    /// <summary>The team of a user (null for none).</summary>
    public async Task<long?> TeamOfAsync(long userId, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long?>("SELECT team_id FROM users WHERE id = @userId", new { userId }, cancellationToken);

    public async Task<IReadOnlyList<DispatchRule>> RulesAsync(CancellationToken cancellationToken) =>
        [.. (await session.QueryAsync<LeadRuleResponse>($"SELECT {RuleColumns} FROM lead_rules ORDER BY priority, id", null, cancellationToken)).Select(r => r.ToRule())];

    public async Task<LeadRuleResponse> GetRuleAsync(long id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<LeadRuleResponse>($"SELECT {RuleColumns} FROM lead_rules WHERE id = @id", new { id }, cancellationToken)
        ?? throw ProblemException.NotFound("dispatch rule", id);

    /// <summary>Adds a dispatch rule under a free name (409 otherwise); answers its id.</summary>
    public async Task<long> AddRuleAsync(DispatchRule rule, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rule);
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM lead_rules WHERE name = @Name", new { rule.Name }, cancellationToken) > 0)
        {
            throw ProblemException.Conflict(ProblemTexts.DispatchRuleNamedExists.With(("name", rule.Name)));
        }

        return await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "lead_rules", "name, priority, sector_id, region_code, min_minor, max_minor, team_id, owner_id, created_at, version",
                "@Name, @Priority, @SectorId, @RegionCode, @MinCnyMinor, @MaxCnyMinor, @TeamId, @OwnerId, @now, 1"),
            new { rule.Name, rule.Priority, rule.SectorId, rule.RegionCode, rule.MinCnyMinor, rule.MaxCnyMinor, rule.TeamId, rule.OwnerId, now = clock.UtcNow },
            cancellationToken);
    }

    /// <summary>Deletes a dispatch rule; the leads it placed stay where they are, and no longer name it.</summary>
    public async Task<bool> DeleteRuleAsync(long id, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("UPDATE leads SET rule_id = NULL WHERE rule_id = @id", new { id }, cancellationToken);
        await session.ExecuteAsync("UPDATE lead_events SET rule_id = NULL WHERE rule_id = @id", new { id }, cancellationToken);
        return await session.ExecuteAsync("DELETE FROM lead_rules WHERE id = @id", new { id }, cancellationToken) > 0;
    }

    private async Task AddEventAsync(long leadId, LeadEvent e, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            "INSERT INTO lead_events (lead_id, kind, on_date, at, by_user_id, note, activity_type, owner_id, team_id, rule_id, level, notified, deal_id) " +
            "VALUES (@leadId, @kind, @On, @at, @by, @Note, @type, @OwnerId, @TeamId, @RuleId, @level, @notified, @DealId)",
            new
            {
                leadId,
                kind = (int)e.Kind,
                e.On,
                at = clock.UtcNow,
                by = caller.UserId,
                e.Note,
                type = (int?)e.ActivityType,
                e.OwnerId,
                e.TeamId,
                e.RuleId,
                level = (int?)e.Level,
                notified = e.Notified is { Count: > 0 } ids ? string.Join(',', ids) : null,
                e.DealId,
            },
            cancellationToken);
}

/// <summary>A lead as intake placed it, before it has an id.</summary>
public sealed record NewLead(
    long CompanyId, string Title, LeadSource Source, long? SourceEventId, long? ReferrerId, long? SectorId, long? ParkId, long? IntendedMinor, string Currency,
    string? Contact, string? Note, DateOnly ReceivedOn, LeadPosition Position, long? RuleId, string? ClaimOverride);

/// <summary>An event of a lead to record: what, on which business day, and what it says.</summary>
public sealed record LeadEvent(LeadEventKind Kind, DateOnly On)
{
    public string? Note { get; init; }

    public ActivityType? ActivityType { get; init; }

    public long? OwnerId { get; init; }

    public long? TeamId { get; init; }

    public long? RuleId { get; init; }

    public Escalation? Level { get; init; }

    public IReadOnlyList<long>? Notified { get; init; }

    public long? DealId { get; init; }
}

/// <summary>The deadlines of leads today: the office's deadline rule for each lead's amount in CNY, its calendar, today.</summary>
public sealed record LeadDeadlineClock(IReadOnlyList<DeadlineRule> Rules, WorkCalendar Calendar, RateTable Rates, DateOnly Today)
{
    public IReadOnlyList<Deadline> Of(LeadResponse lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var cny = lead.Currency.Trim() == RateTable.Cny || Rates.TryGetRate(lead.Currency.Trim(), out _) ? (long)Rates.ToCny(lead.Currency, lead.IntendedMinor ?? 0) : 0;
        return DeadlineRule.For(cny, Rules) is { } rule
            ? LeadPolicy.DeadlinesOf(rule, lead.ReceivedOn, lead.FirstContactOn, lead.DecidedOn, lead.Status is LeadStatus.Pool or LeadStatus.Assigned, Calendar, Today)
            : [];
    }
}

/// <summary>The checks a lead's references need beyond existence: an officer who may hold it, and who leads a team.</summary>
public sealed class LeadReferences(DbSession session)
{
    /// <summary>The team of <paramref name="ownerId"/>, who may hold leads (anyone but an analyst), or a 400 on <paramref name="field"/>.</summary>
    public async Task<long?> OwnerTeamAsync(long ownerId, string field, CancellationToken cancellationToken)
    {
        var owner = await session.QuerySingleOrDefaultAsync<OwnerRow>("SELECT role, team_id FROM users WHERE id = @ownerId", new { ownerId }, cancellationToken)
            ?? throw ProblemException.Invalid(field, ProblemTexts.NoSuch.With(("what", "user"), ("id", ownerId)));
        return owner.Role == Names.Of(Role.Analyst) ? throw ProblemException.Invalid(field, ProblemTexts.AnalystCannotOwnDeals) : owner.TeamId;
    }

    /// <summary>The users an escalation of a lead of <paramref name="teamId"/> tells at team level: the team's managers, else every manager.</summary>
    public async Task<IReadOnlyList<long>> TeamLeadsAsync(long? teamId, CancellationToken cancellationToken)
    {
        var managers = (await session.QueryAsync<OwnerRow>("SELECT id, role, team_id FROM users WHERE role = @manager ORDER BY id", new { manager = Names.Of(Role.Manager) }, cancellationToken)).ToList();
        var ofTeam = managers.Where(m => teamId is not null && m.TeamId == teamId).ToList();
        return [.. (ofTeam.Count > 0 ? ofTeam : managers).Select(m => m.Id)];
    }

    private sealed record OwnerRow
    {
        public long Id { get; init; }

        public string Role { get; init; } = "";

        public long? TeamId { get; init; }
    }
}
