using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Claims;

/// <summary>Registers a unit's claim on a company's project (首报首谈): for one park or one team, with its basis and the project it reports.</summary>
public sealed record CreateClaim(
    long? CompanyId,
    long? ParkId,
    long? TeamId,
    DateOnly? FirstReportedOn,
    DateOnly? FirstTalkOn,
    string? Evidence,
    decimal? IntendedInvestment = null,
    string? Currency = null,
    bool ForeignFunded = false,
    long? SectorId = null) : ICommand<ClaimResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["companyId", "firstReportedOn", "evidence"];

    public static object Example => new CreateClaim(2, 1, null, new DateOnly(2026, 3, 2), new DateOnly(2026, 3, 9), "3月2日向市招商局报送项目信息表（编号 2026-017），3月9日与企业董事长首次洽谈。", 1_200_000_000m, "CNY", false, 2);

    string IAudited.AuditEntity => "claim";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateClaimValidator : AbstractValidator<CreateClaim>
{
    public CreateClaimValidator()
    {
        RuleFor(x => x.CompanyId).NotNull().WithMessage(ProblemTexts.FieldRequired).Id();
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.SectorId).Id();
        RuleFor(x => x.FirstReportedOn).BusinessDate();
        RuleFor(x => x.FirstTalkOn).BusinessDate();
        RuleFor(x => x.IntendedInvestment).Amount();
        RuleFor(x => x.Currency).Must(c => c is null || IsoCodes.IsCurrency(c)).WithMessage(ProblemTexts.CurrencyISO4217CodeCapitalsE);
    }
}

/// <summary>
/// The claim is refused when what it points at does not exist (400 on the field), when an officer claims for a team not
/// their own (403), when its basis is incomplete or the project reaches none of the office's thresholds (400), and when
/// a claim already holds on the company (409: claim.heldByOther naming the unit, or claim.alreadyHeld for the same unit).
/// </summary>
public sealed class CreateClaimHandler(ClaimStore claims, DbSession session, FxRateStore rates, ICurrentUser caller, IClock clock, IOptions<ClaimOptions> options)
    : IRequestHandler<CreateClaim, ClaimResponse>
{
    public async Task<ClaimResponse> Handle(CreateClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await References.CompanyRefusalAsync(session, request.CompanyId!.Value, cancellationToken) is { } refusal)
        {
            throw ProblemException.Invalid("companyId", refusal);
        }

        await References.RequireAsync(session, "parks", request.ParkId, "parkId", "park", cancellationToken);
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);
        await References.RequireAsync(session, "sectors", request.SectorId, "sectorId", "sector", cancellationToken);
        if (caller.Role == Role.Officer && request.TeamId is { } team && team != caller.TeamId)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.OfficersClaimForOwnTeam);
        }

        var rules = options.Value.ToRules();
        var today = clock.Today;
        // Named neither park nor team: the caller's own team (an officer's claim is their team's unless they say otherwise).
        var holder = request.ParkId is null && request.TeamId is null ? new ClaimHolder(null, caller.TeamId) : new ClaimHolder(request.ParkId, request.TeamId);
        var claim = ProjectClaim.Register(request.CompanyId.Value, holder, request.FirstReportedOn, request.FirstTalkOn, request.Evidence, rules, today);
        var project = new ClaimProject(request.IntendedInvestment is { } amount ? Money.ToMinor(amount) : null, request.Currency ?? RateTable.Cny, request.ForeignFunded, request.SectorId);
        await RequireQualifiesAsync(rules, project, today, cancellationToken);

        if (await claims.HoldingOnAsync(claim.CompanyId, cancellationToken) is [var held, ..])
        {
            throw held.Holder == claim.Holder
                ? new ProblemException(StatusCodes.Status409Conflict, ProblemTexts.Conflict, ProblemTexts.UnitAlreadyHoldsClaim.With(("id", held.Id))) { Code = "claim.alreadyHeld" }
                : new ProblemException(StatusCodes.Status409Conflict, ProblemTexts.Conflict, ProblemTexts.CompanyClaimedByUnit.With(("unit", await claims.NameOfAsync(held.Holder, cancellationToken))))
                {
                    Code = ClaimGuard.HeldByOther,
                };
        }

        return await claims.GetAsync(await claims.AddAsync(claim, project, cancellationToken), cancellationToken);
    }

    /// <summary>A 400 on intendedInvestment (claim.belowThreshold) unless the project reaches a threshold the office set.</summary>
    private async Task RequireQualifiesAsync(ClaimRules rules, ClaimProject project, DateOnly today, CancellationToken cancellationToken)
    {
        if (!rules.AnyThreshold)
        {
            return;
        }

        long? cny = null, usd = null;
        if (project.IntendedMinor is { } minor)
        {
            var table = await rates.InForceAsync(today, cancellationToken);
            if (project.Currency != RateTable.Cny && !table.TryGetRate(project.Currency, out _))
            {
                throw ProblemException.Invalid("currency", ProblemTexts.NoRateFor.With(("currency", project.Currency), ("code", project.Currency)));
            }

            cny = (long)table.ToCny(project.Currency, minor);
            if (project.ForeignFunded)
            {
                usd = project.Currency == "USD" ? minor
                    : table.TryGetRate("USD", out var usdRate) ? (long)decimal.Floor(cny.Value / usdRate)
                    : throw ProblemException.Invalid("currency", ProblemTexts.NoRateFor.With(("currency", "USD"), ("code", "USD")));
            }
        }

        if (!rules.Qualifies(cny, usd, await References.SectorLineAsync(session, project.SectorId, cancellationToken)))
        {
            throw new ProblemException(
                StatusCodes.Status400BadRequest,
                ProblemTexts.ValidationFailed,
                ProblemTexts.ProjectBelowClaimThresholds,
                new Dictionary<string, Message[]> { ["intendedInvestment"] = [ProblemTexts.ProjectBelowClaimThresholds] })
            {
                Code = "claim.belowThreshold",
            };
        }
    }
}
