namespace DealPipeline.Api.Features.Claims;

/// <summary>The body of a release: why the unit gives the project up.</summary>
public sealed record ReleaseClaimBody(string? Reason) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["reason"];

    public static object Example => new ReleaseClaimBody("企业已决定落户外省，本园区不再跟进。");
}

/// <summary>The body of a transfer (统筹流转): the unit that takes the claim over, and why.</summary>
public sealed record TransferClaimBody(long? ParkId, long? TeamId, string? Reason) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["reason"];

    public static object Example => new TransferClaimBody(2, null, "项目用地需求更适合中山园区，经局务会统筹调剂。");
}

/// <summary>Holds a claim for the office's days from today.</summary>
public sealed record RenewClaim(long Id, IfMatch? ExpectedVersion) : ICommand<ClaimResponse>, IChangesOne
{
    string IAudited.AuditEntity => "claim";

    string IAudited.ChangeKind => "renewed";
}

/// <summary>Gives a claim up, with a reason.</summary>
public sealed record ReleaseClaim(long Id, string? Reason, IfMatch? ExpectedVersion) : ICommand<ClaimResponse>, IChangesOne
{
    string IAudited.AuditEntity => "claim";

    string IAudited.ChangeKind => "released";
}

/// <summary>Moves a claim to another park or team (统筹流转), with a reason: a manager's decision.</summary>
public sealed record TransferClaim(long Id, long? ParkId, long? TeamId, string? Reason, IfMatch? ExpectedVersion) : ICommand<ClaimResponse>, IChangesOne
{
    string IAudited.AuditEntity => "claim";

    string IAudited.ChangeKind => "transferred";
}

public sealed class ReleaseClaimValidator : AbstractValidator<ReleaseClaim>
{
    public ReleaseClaimValidator() => RuleFor(x => x.Reason).RequiredName(Deal.MaxReasonLength);
}

public sealed class TransferClaimValidator : AbstractValidator<TransferClaim>
{
    public TransferClaimValidator()
    {
        RuleFor(x => x.Reason).RequiredName(Deal.MaxReasonLength);
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.TeamId).Id();
    }
}

/// <summary>
/// Renewal and release are for who keeps the claim (its reporter, the holding team, managers and admins: 403 for other
/// officers); a transfer for managers. Each reads the claim (404), checks If-Match (412) and the claim's rules (409 for one
/// released or expired), and writes it with its event.
/// </summary>
public sealed class ChangeClaimHandlers(ClaimStore claims, DbSession session, IClock clock, IOptions<ClaimOptions> options)
    : IRequestHandler<RenewClaim, ClaimResponse>, IRequestHandler<ReleaseClaim, ClaimResponse>, IRequestHandler<TransferClaim, ClaimResponse>
{
    public Task<ClaimResponse> Handle(RenewClaim request, CancellationToken cancellationToken) =>
        ChangeAsync(request.Id, request.ExpectedVersion, ClaimEventKind.Renewed, null, claim => claim.Renew(options.Value.ToRules(), clock.Today), cancellationToken);

    public Task<ClaimResponse> Handle(ReleaseClaim request, CancellationToken cancellationToken) =>
        ChangeAsync(request.Id, request.ExpectedVersion, ClaimEventKind.Released, request.Reason!.Trim(), claim => claim.Release(clock.Today), cancellationToken);

    public async Task<ClaimResponse> Handle(TransferClaim request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await References.RequireAsync(session, "parks", request.ParkId, "parkId", "park", cancellationToken);
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);
        return await ChangeAsync(
            request.Id,
            request.ExpectedVersion,
            ClaimEventKind.Transferred,
            request.Reason!.Trim(),
            claim => claim.Transfer(new ClaimHolder(request.ParkId, request.TeamId), options.Value.ToRules(), clock.Today),
            cancellationToken);
    }

    private async Task<ClaimResponse> ChangeAsync(long id, IfMatch? expected, ClaimEventKind kind, string? reason, Action<ProjectClaim> change, CancellationToken cancellationToken)
    {
        var current = await claims.GetAsync(id, cancellationToken);
        if (kind != ClaimEventKind.Transferred && !claims.MayKeep(current))
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.OnlyHolderKeepsClaim);
        }

        if (expected?.Allows(current.Version) == false)
        {
            throw ProblemException.PreconditionFailed(current.Version);
        }

        var claim = current.ToClaim();
        change(claim);
        await claims.UpdateAsync(current, claim, kind, reason, cancellationToken);
        return await claims.GetAsync(id, cancellationToken);
    }
}
