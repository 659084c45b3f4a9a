using DealPipeline.Api.Features.Claims;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Leads;

/// <summary>
/// Takes a lead in (线索): a company's project heard of before a deal exists, where it came from and what is known of it. It is
/// dispatched on intake: to the team or officer of the first dispatch rule it matches, else to the shared pool (公海); or to the
/// team or officer the request names, when a manager (or an officer, for their own team) places it by hand.
/// </summary>
public sealed record CreateLead(
    long? CompanyId,
    string? Title,
    LeadSource? Source,
    long? SourceEventId = null,
    long? ReferrerId = null,
    long? SectorId = null,
    long? ParkId = null,
    decimal? IntendedInvestment = null,
    string? Currency = null,
    string? Contact = null,
    string? Note = null,
    DateOnly? ReceivedOn = null,
    long? OwnerId = null,
    long? TeamId = null,
    string? ClaimOverride = null) : ICommand<LeadResponse>, IAudited, IRequestBody
{
    public const int MaxNoteLength = 2000;

    public static IReadOnlyList<string> Required => ["companyId", "title", "source"];

    public static object Example => new CreateLead(
        2, "高端医疗器械生产基地", LeadSource.Form, SectorId: 3, IntendedInvestment: 800_000_000m, Currency: "CNY",
        Contact: "王总（投资部） 138 0000 0000", Note: "通过官网项目登记表提交：计划明年在华东新设生产基地，用地约 80 亩。", ReceivedOn: new DateOnly(2026, 11, 30));

    string IAudited.AuditEntity => "lead";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateLeadValidator : AbstractValidator<CreateLead>
{
    public CreateLeadValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.CompanyId).NotNull().WithMessage(ProblemTexts.FieldRequired).Id();
        RuleFor(x => x.Title).RequiredName();
        RuleFor(x => x.Source).NotNull().WithMessage(ProblemTexts.FieldRequired);
        RuleFor(x => x.SourceEventId).Id();
        RuleFor(x => x.ReferrerId).Id();
        RuleFor(x => x.SectorId).Id();
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.OwnerId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.IntendedInvestment).Amount();
        RuleFor(x => x.Currency).Must(c => c is null || IsoCodes.IsCurrency(c)).WithMessage(ProblemTexts.CurrencyISO4217CodeCapitalsE);
        RuleFor(x => x.Contact).MaximumLength(Validation.MaxNameLength);
        RuleFor(x => x.Note).MaximumLength(CreateLead.MaxNoteLength);
        RuleFor(x => x.ReceivedOn).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.ClaimOverride).MaximumLength(Deal.MaxReasonLength);
        RuleFor(x => x.SourceEventId).NotNull().When(x => x.Source == LeadSource.Event).WithMessage(ProblemTexts.FieldRequired);
        RuleFor(x => x.ReferrerId).NotNull().When(x => x.Source == LeadSource.Referrer).WithMessage(ProblemTexts.FieldRequired);
    }
}

/// <summary>
/// Refused when what it points at does not exist or is a merged company (400 on the field), when an officer places it outside their
/// team (403), and when another unit holds a claim on the company that the lead's unit (its park, else the team it goes to) does not
/// cover: 409 claim.heldByOther naming only the holder, unless a manager gives claimOverride.
/// </summary>
public sealed class CreateLeadHandler(LeadStore leads, LeadReferences references, LeadDispatcher dispatcher, ClaimGuard claims, DbSession session, FxRateStore rates, DealAccess access, ICurrentUser caller, IClock clock)
    : IRequestHandler<CreateLead, LeadResponse>
{
    public async Task<LeadResponse> Handle(CreateLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await References.CompanyRefusalAsync(session, request.CompanyId!.Value, cancellationToken) is { } refusal)
        {
            throw ProblemException.Invalid("companyId", refusal);
        }

        await References.RequireAsync(session, "events", request.SourceEventId, "sourceEventId", "event", cancellationToken);
        await References.RequireAsync(session, "referrers", request.ReferrerId, "referrerId", "referrer", cancellationToken);
        await References.RequireAsync(session, "sectors", request.SectorId, "sectorId", "sector", cancellationToken);
        await References.RequireAsync(session, "parks", request.ParkId, "parkId", "park", cancellationToken);
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);
        var currency = request.Currency ?? RateTable.Cny;
        var today = clock.Today;
        var table = await rates.InForceAsync(today, cancellationToken);
        if (currency != RateTable.Cny && !table.TryGetRate(currency, out _))
        {
            throw ProblemException.Invalid("currency", ProblemTexts.NoRateFor.With(("currency", currency), ("code", currency)));
        }

        var minor = request.IntendedInvestment is { } amount ? Money.ToMinor(amount) : (long?)null;
        var (position, ruleId) = request.OwnerId is not null || request.TeamId is not null
            ? (await PlaceByHandAsync(request.OwnerId, request.TeamId, cancellationToken), null)
            : await dispatcher.DispatchAsync(request.CompanyId.Value, request.SectorId, minor is { } m ? (long)table.ToCny(currency, m) : null, cancellationToken);
        var overridden = await claims.CheckAsync(request.CompanyId.Value, request.ParkId, position.TeamId, request.ClaimOverride, cancellationToken);
        var lead = new NewLead(
            request.CompanyId.Value, request.Title!.Trim(), request.Source!.Value, request.SourceEventId, request.ReferrerId, request.SectorId, request.ParkId, minor, currency,
            Trimmed(request.Contact), Trimmed(request.Note), request.ReceivedOn ?? today, position, ruleId, overridden.Count > 0 ? request.ClaimOverride!.Trim() : null);
        var id = await leads.AddAsync(lead, cancellationToken);
        var received = await leads.GetAsync(id, cancellationToken);
        return overridden.Count == 0 ? received : received with { AlsoChanged = await claims.RecordOverridesAsync(overridden, null, id, request.ClaimOverride!, cancellationToken) };
    }

    /// <summary>Where the request places the lead: an officer (and their team) or a team; an officer places leads only within their own team (403).</summary>
    private async Task<LeadPosition> PlaceByHandAsync(long? ownerId, long? teamId, CancellationToken cancellationToken)
    {
        var ownerTeam = ownerId is { } owner ? await references.OwnerTeamAsync(owner, "ownerId", cancellationToken) : null;
        var team = teamId ?? ownerTeam;
        if (!access.SeesEverything && (team != caller.TeamId || (ownerId is { } o && o != caller.UserId && ownerTeam != caller.TeamId)))
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.OfficerAssignsDealsOnlyThemselvesMember);
        }

        return LeadPosition.Dispatched(ownerId, team);
    }

    private static string? Trimmed(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}

/// <summary>Dispatch on intake (分派): the first rule a lead matches, by its sector (and those above it), its company's region and its amount in CNY, places it; none places it in the shared pool.</summary>
public sealed class LeadDispatcher(LeadStore leads, LeadReferences references, DbSession session)
{
    public async Task<(LeadPosition Position, long? RuleId)> DispatchAsync(long companyId, long? sectorId, long? intendedCnyMinor, CancellationToken cancellationToken)
    {
        var region = await session.ExecuteScalarAsync<string?>("SELECT region_code FROM companies WHERE id = @companyId", new { companyId }, cancellationToken);
        var profile = new LeadProfile(await References.SectorLineAsync(session, sectorId, cancellationToken), region, intendedCnyMinor);
        if (DispatchRule.For(profile, await leads.RulesAsync(cancellationToken)) is not { } rule)
        {
            return (LeadPosition.Dispatched(null, null), null);
        }

        var team = rule.TeamId ?? (rule.OwnerId is { } owner ? await references.OwnerTeamAsync(owner, "ownerId", cancellationToken) : null);
        return (LeadPosition.Dispatched(rule.OwnerId, team), rule.Id);
    }
}
