namespace DealPipeline.Api.Features.Claims;

/// <summary>
/// What the Claims area publishes to the areas that open deals for a company: whether another unit holds a claim on it.
/// A refusal names the holding unit and nothing else (not the claim's basis, nor any deal); a manager may let the deal
/// through with a reason, which the claim's history and the audit log keep.
/// </summary>
public sealed class ClaimGuard(ClaimStore claims, ICurrentUser caller)
{
    public const string HeldByOther = "claim.heldByOther";

    /// <summary>
    /// The claims another unit holds on the company, which a deal or a lead of <paramref name="parkId"/> and <paramref name="teamId"/> would
    /// cross: none, or a 409 (<see cref="HeldByOther"/>) unless <paramref name="overrideReason"/> is given by a manager or admin (403 for
    /// anyone else). Answers the claims overridden, to record once the deal has its id.
    /// </summary>
    public async Task<IReadOnlyList<long>> CheckAsync(long companyId, long? parkId, long? teamId, string? overrideReason, CancellationToken cancellationToken)
    {
        var crossed = (await claims.HoldingOnAsync(companyId, cancellationToken)).Where(c => !c.Holder.Covers(parkId, teamId)).ToList();
        if (crossed.Count == 0)
        {
            return [];
        }

        if (string.IsNullOrWhiteSpace(overrideReason))
        {
            throw new ProblemException(
                StatusCodes.Status409Conflict,
                ProblemTexts.Conflict,
                ProblemTexts.CompanyClaimedByUnit.With(("unit", await claims.NameOfAsync(crossed[0].Holder, cancellationToken))))
            {
                Code = HeldByOther,
            };
        }

        if (caller.Role is not (Role.Manager or Role.Admin) && caller.UserId is not null)
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, ProblemTexts.Forbidden, ProblemTexts.OnlyManagersOverrideClaims);
        }

        return [.. crossed.Select(c => c.Id)];
    }

    /// <summary>Records the overrides of <see cref="CheckAsync"/> for the deal opened or the lead received; answers the claims as changed, for the audit log and the change feed.</summary>
    public async Task<IReadOnlyList<OtherChange>> RecordOverridesAsync(IReadOnlyList<long> claimIds, long? dealId, long? leadId, string reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claimIds);
        var changed = new List<OtherChange>();
        foreach (var id in claimIds)
        {
            var before = await claims.GetAsync(id, cancellationToken);
            await claims.RecordOverrideAsync(id, dealId, leadId, reason.Trim(), cancellationToken);
            var after = await claims.GetAsync(id, cancellationToken);
            changed.Add(new OtherChange("claim", id, "overridden", after.Version, null, before, after));
        }

        return changed;
    }
}
