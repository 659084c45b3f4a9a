namespace DealPipeline.Api.Features.Leads;

/// <summary>The body of a contact with the company on a lead: how, on which day, and what was said.</summary>
public sealed record LeadContactBody(ActivityType? Type, DateOnly? On, string? Summary) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["type", "on", "summary"];

    public static object Example => new LeadContactBody(ActivityType.Call, new DateOnly(2026, 12, 1), "电话联系王总，确认用地需求约 80 亩，约定下周来园区考察。");
}

/// <summary>The body of an assignment by a manager: the officer (and their team) or the team, and why.</summary>
public sealed record AssignLeadBody(long? OwnerId, long? TeamId, string? Reason) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["reason"];

    public static object Example => new AssignLeadBody(3, null, "项目属生物医药产业链，交由医药专班跟进。");
}

/// <summary>The body of a drop: why the lead is not pursued.</summary>
public sealed record DropLeadBody(string? Reason) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["reason"];

    public static object Example => new DropLeadBody("经核实企业无投资意向，信息系中介误报。");
}

/// <summary>An officer takes a lead from the shared pool, or from their team's queue.</summary>
public sealed record TakeLead(long Id, IfMatch? ExpectedVersion) : ICommand<LeadResponse>, IChangesOne
{
    string IAudited.AuditEntity => "lead";

    string IAudited.ChangeKind => "taken";
}

/// <summary>A manager gives a lead to an officer or a team (统筹分派), with a reason.</summary>
public sealed record AssignLead(long Id, long? OwnerId, long? TeamId, string? Reason, IfMatch? ExpectedVersion) : ICommand<LeadResponse>, IChangesOne
{
    string IAudited.AuditEntity => "lead";

    string IAudited.ChangeKind => "assigned";
}

/// <summary>Records a contact with the company: the first one meets the answer deadline, and each keeps the lead from going back to the pool.</summary>
public sealed record ContactLead(long Id, ActivityType? Type, DateOnly? On, string? Summary, IfMatch? ExpectedVersion) : ICommand<LeadResponse>, IChangesOne
{
    string IAudited.AuditEntity => "lead";

    string IAudited.ChangeKind => "contacted";
}

/// <summary>Drops a lead, with a reason: it meets the assess deadline, and the lead is closed.</summary>
public sealed record DropLead(long Id, string? Reason, IfMatch? ExpectedVersion) : ICommand<LeadResponse>, IChangesOne
{
    string IAudited.AuditEntity => "lead";

    string IAudited.ChangeKind => "dropped";
}

public sealed class AssignLeadValidator : AbstractValidator<AssignLead>
{
    public AssignLeadValidator()
    {
        RuleFor(x => x.Reason).RequiredName(Deal.MaxReasonLength);
        RuleFor(x => x.OwnerId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.TeamId).NotNull().When(x => x.OwnerId is null).WithMessage(ProblemTexts.FieldRequired);
    }
}

public sealed class ContactLeadValidator : AbstractValidator<ContactLead>
{
    public ContactLeadValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Type).NotNull().WithMessage(ProblemTexts.TypeRequiredCallMeetingVisitSiteVisit);
        RuleFor(x => x.On).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "on"))).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Summary).RequiredName(Activities.AddDealActivityValidator.MaxSummaryLength);
    }
}

public sealed class DropLeadValidator : AbstractValidator<DropLead>
{
    public DropLeadValidator() => RuleFor(x => x.Reason).RequiredName(Deal.MaxReasonLength);
}

/// <summary>
/// Each reads the lead (404), checks If-Match (412), who may do it (403) and the lead's state (409 lead.closed for one converted
/// or dropped, lead.taken for one an officer has), and writes it with its event. Who works on a lead: its officer, its team's
/// officers, managers and admins; a lead in the shared pool is taken first.
/// </summary>
public sealed class ChangeLeadHandlers(LeadStore leads, LeadReferences references, LeadWork work, DbSession session, ICurrentUser caller, IClock clock)
    : IRequestHandler<TakeLead, LeadResponse>, IRequestHandler<AssignLead, LeadResponse>, IRequestHandler<ContactLead, LeadResponse>, IRequestHandler<DropLead, LeadResponse>
{
    public async Task<LeadResponse> Handle(TakeLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lead = await work.ReadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        if (caller.UserId is not { } me)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.OnlyOfficersTakeLeads);
        }

        if (caller.Role == Role.Officer && lead.OwnerId is null && lead.TeamId is { } team && team != caller.TeamId)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.OnlyTeamTakesQueuedLead);
        }

        var to = lead.ToPosition().Take(me, caller.TeamId);
        await leads.UpdateAsync(lead, to, new LeadEvent(LeadEventKind.Taken, clock.Today), lead.Escalation, cancellationToken);
        return await leads.GetAsync(lead.Id, cancellationToken);
    }

    public async Task<LeadResponse> Handle(AssignLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);
        var ownerTeam = request.OwnerId is { } owner ? await references.OwnerTeamAsync(owner, "ownerId", cancellationToken) : null;
        var lead = await work.ReadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var to = lead.ToPosition().Assign(request.OwnerId, request.TeamId ?? ownerTeam);
        await leads.UpdateAsync(lead, to, new LeadEvent(LeadEventKind.Assigned, clock.Today) { Note = request.Reason!.Trim() }, lead.Escalation, cancellationToken);
        return await leads.GetAsync(lead.Id, cancellationToken);
    }

    public async Task<LeadResponse> Handle(ContactLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lead = await work.ReadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        work.RequireMayWork(lead);
        lead.ToPosition().RequireOpen();
        if (request.On < lead.ReceivedOn)
        {
            throw ProblemException.Invalid("on", ProblemTexts.FieldAfterOther.With(("field", "on"), ("other", "receivedOn")));
        }

        await leads.UpdateAsync(
            lead,
            lead.ToPosition(),
            new LeadEvent(LeadEventKind.Contacted, request.On!.Value) { Note = request.Summary!.Trim(), ActivityType = request.Type },
            lead.Escalation,
            cancellationToken);
        return await leads.GetAsync(lead.Id, cancellationToken);
    }

    public async Task<LeadResponse> Handle(DropLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var lead = await work.ReadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        work.RequireMayWork(lead);
        var to = lead.ToPosition().Close(LeadStatus.Dropped);
        await leads.UpdateAsync(lead, to, new LeadEvent(LeadEventKind.Dropped, clock.Today) { Note = request.Reason!.Trim() }, Escalation.None, cancellationToken);
        return await leads.GetAsync(lead.Id, cancellationToken);
    }
}

/// <summary>What every change of a lead checks first: that it exists (404), that If-Match still holds (412), and who may work on it.</summary>
public sealed class LeadWork(LeadStore leads, DealAccess access, ICurrentUser caller)
{
    public async Task<LeadResponse> ReadAsync(long id, IfMatch? expected, CancellationToken cancellationToken)
    {
        var lead = await leads.GetAsync(id, cancellationToken);
        if (expected?.Allows(lead.Version) == false)
        {
            throw ProblemException.PreconditionFailed(lead.Version);
        }

        return lead;
    }

    /// <summary>A 403 unless the caller is a manager or an admin, the lead's officer, or an officer of its team.</summary>
    public void RequireMayWork(LeadResponse lead)
    {
        ArgumentNullException.ThrowIfNull(lead);
        var mine = caller.Role == Role.Officer
            && ((lead.OwnerId is { } owner && owner == caller.UserId) || (lead.TeamId is { } team && team == caller.TeamId));
        if (!access.SeesEverything && !mine)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.OnlyOwnerWorksLead);
        }
    }
}
