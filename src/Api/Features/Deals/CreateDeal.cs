using DealPipeline.Api.Features.Claims;

namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// Opens a deal. <c>stage</c> defaults to contact and <c>openedOn</c> to today (China Standard
/// Time); <c>ownerId</c> defaults to the caller and <c>teamId</c> to the owner's team;
/// <c>source</c> defaults to other and <c>currency</c> to CNY.
/// </summary>
public sealed record CreateDeal : DealFields, ICommand<DealResponse>, IAudited
{
    string IAudited.AuditEntity => "deal";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;

    public Stage? Stage { get; init; }

    public DateOnly? OpenedOn { get; init; }

    /// <summary>
    /// Why the deal is opened although another unit holds a claim on the company (首报首谈): a manager's or admin's decision,
    /// kept in the claim's history and the audit log. Without it such a deal is a 409 (claim.heldByOther); from an officer, a 403.
    /// </summary>
    public string? ClaimOverride { get; init; }
}

public sealed class CreateDealValidator : AbstractValidator<CreateDeal>
{
    public CreateDealValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.OpenedOn).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.ClaimOverride).MaximumLength(Deal.MaxReasonLength);
    }
}

public sealed class CreateDealHandler(DealOpener opener) : IRequestHandler<CreateDeal, DealResponse>
{
    public Task<DealResponse> Handle(CreateDeal request, CancellationToken cancellationToken) => opener.OpenAsync(request, cancellationToken);
}

/// <summary>
/// Opens a deal as <see cref="CreateDeal"/> says, validated already: its owner (the caller by default) and team (the owner's),
/// the references checked, the caller allowed to assign it, and no other unit's claim crossed unless overridden. Shared by
/// the deal's own endpoint and a lead's conversion, so that both open a deal the same way.
/// </summary>
public sealed class DealOpener(DealReader reader, DealReferences references, DealRepository deals, DealAccess access, ClaimGuard claims, ICurrentUser caller, IClock clock)
{
    public async Task<DealResponse> OpenAsync(CreateDeal request, CancellationToken cancellationToken)
    {
        var (terms, overridden) = await CheckAsync(request, cancellationToken);
        var opened = await AddAsync(Deal.Open(terms, request.Stage ?? Stage.Contact, request.OpenedOn ?? clock.Today, caller.UserId, clock.UtcNow), cancellationToken);
        return overridden.Count == 0 ? opened : opened with { AlsoChanged = await claims.RecordOverridesAsync(overridden, opened.Id, null, request.ClaimOverride!, cancellationToken) };
    }

    /// <summary>
    /// Everything opening the deal checks, nothing written: its owner (the caller by default) and team (the owner's), the references, the
    /// caller's right to assign it, its ledger number free, no other unit's claim crossed unless overridden. Answers the deal's terms and the
    /// claims overridden; a ledger import checks a row with it and opens the deal with <see cref="AddAsync"/>.
    /// </summary>
    public async Task<(DealTerms Terms, IReadOnlyList<long> Overridden)> CheckAsync(CreateDeal request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var ownerId = request.OwnerId ?? caller.UserId
            ?? throw ProblemException.Invalid("ownerId", ProblemTexts.OwnerIdRequiredOfficerWhoOwnsDeal);
        var fields = request with { OwnerId = ownerId };
        var ownerTeam = await references.CheckAsync(fields, cancellationToken);
        var teamId = request.TeamId ?? ownerTeam;
        access.RequireAssignable(ownerId, ownerTeam, teamId);
        var terms = fields.ToTerms(ownerId, teamId);
        await references.RequireFreeExternalRefAsync(terms.ExternalRef, null, cancellationToken);
        var overridden = await claims.CheckAsync(terms.CompanyId, terms.ParkId, terms.TeamId, request.ClaimOverride, cancellationToken);
        return (terms, overridden);
    }

    /// <summary>Stores a deal opened on checked terms, with its history, and reads it back as the API shows it.</summary>
    public async Task<DealResponse> AddAsync(Deal deal, CancellationToken cancellationToken)
    {
        await deals.AddAsync(deal, cancellationToken);
        return await reader.GetAsync(deal.Id, cancellationToken);
    }
}
