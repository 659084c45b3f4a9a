using DealPipeline.Api.Features.Chains;
using DealPipeline.Api.Features.Claims;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Companies;

/// <summary>
/// Merging a company entered twice into the one that stays (the survivor): what the merge moves, and the move itself.
/// The merged company's deals, and the deals it referred, move through the deal aggregate (each deal's version moves
/// on, its activities and letters go with it); its places in the chains and its claims move through their stores; its row stays,
/// marked merged, so that its id answers where it went. A credit code it had and the survivor lacked goes to the survivor.
/// </summary>
public sealed class CompanyMerges(DbSession session, ReferenceStore rows, ChainStore chains, ClaimStore claims, DealReader deals, IClock clock)
{
    /// <summary>The two companies, once the merge may go ahead: 404 for no company <paramref name="id"/>, 410 for one merged already, 400 on survivorId, 409 for two credit codes.</summary>
    public async Task<(CompanyResponse Merged, CompanyResponse Survivor)> CheckAsync(long id, long survivorId, CancellationToken cancellationToken)
    {
        var merged = await rows.GetAsync<CompanyResponse>(GetCompanyHandler.Select, id, "company", cancellationToken);
        if (merged.Merged(StatusCodes.Status410Gone) is { } gone)
        {
            throw gone;
        }

        if (await References.CompanyRefusalAsync(session, survivorId, cancellationToken) is { } refusal)
        {
            throw ProblemException.Invalid("survivorId", refusal);
        }

        var survivor = await rows.GetAsync<CompanyResponse>(GetCompanyHandler.Select, survivorId, "company", cancellationToken);
        if (merged.CreditCode is { } code && survivor.CreditCode is { } survivorCode)
        {
            throw new ProblemException(
                StatusCodes.Status409Conflict,
                ProblemTexts.Conflict,
                ProblemTexts.CompanyCreditCodesDiffer.With(("id", id), ("code", code), ("survivorId", survivorId), ("survivorCode", survivorCode)))
            {
                Code = "company.creditCodesDiffer",
            };
        }

        return (merged, survivor);
    }

    /// <summary>
    /// What merging <paramref name="merged"/> into <paramref name="survivor"/> moves, without moving it; a 409 when a deal of
    /// one is referred by the other, since it would be referred by its own company (its referrer is corrected first), and
    /// when claims of two units hold on them (one is transferred or released first).
    /// </summary>
    public async Task<CompanyMerge> PlanAsync(CompanyResponse merged, CompanyResponse survivor, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(survivor);
        var args = new { id = merged.Id };
        var dealIds = await session.QueryAsync<long>("SELECT id FROM deals WHERE company_id = @id AND deleted_at IS NULL ORDER BY id", args, cancellationToken);
        var referred = await session.QueryAsync<long>("SELECT id FROM deals WHERE referrer_company_id = @id AND deleted_at IS NULL ORDER BY id", args, cancellationToken);
        var selfReferred = await session.QueryAsync<long>(
            "SELECT id FROM deals WHERE deleted_at IS NULL AND ((company_id = @id AND referrer_company_id = @survivor) OR (company_id = @survivor AND referrer_company_id = @id)) ORDER BY id",
            new { id = merged.Id, survivor = survivor.Id },
            cancellationToken);
        if (selfReferred.Any())
        {
            throw new ProblemException(StatusCodes.Status409Conflict, ProblemTexts.Conflict, ProblemTexts.MergeWouldMakeDealsReferThemselves.With(("ids", string.Join(", ", selfReferred))))
            {
                Code = "company.mergeMakesSelfReferral",
            };
        }

        var held = (await claims.HoldingOnAsync(merged.Id, cancellationToken)).Concat(await claims.HoldingOnAsync(survivor.Id, cancellationToken))
            .Where(c => c.CompanyId == merged.Id || c.CompanyId == survivor.Id)
            .Select(c => c.Holder).Distinct().ToList();
        if (held.Count > 1)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, ProblemTexts.Conflict, ProblemTexts.MergeWouldJoinClaims.With(("id", merged.Id), ("survivorId", survivor.Id)))
            {
                Code = "company.mergeJoinsClaims",
            };
        }

        var moved = await session.QuerySingleAsync<Attached>(
            """
            SELECT (SELECT COUNT(*) FROM activities a JOIN deals d ON d.id = a.deal_id WHERE d.company_id = @id AND d.deleted_at IS NULL) AS activities,
                   (SELECT COUNT(*) FROM letters l JOIN deals d ON d.id = l.deal_id WHERE d.company_id = @id AND d.deleted_at IS NULL) AS letters
            """,
            args,
            cancellationToken);
        var places = await chains.PlacesOfAsync(merged.Id, cancellationToken);
        return new CompanyMerge
        {
            MergedId = merged.Id,
            SurvivorId = survivor.Id,
            DryRun = true,
            DealIds = [.. dealIds],
            ReferredDealIds = [.. referred],
            Activities = moved.Activities,
            Letters = moved.Letters,
            LedChainIds = places.ChainIds,
            ChainLinkIds = places.LinkIds,
            ClaimIds = await claims.OnCompanyAsync(merged.Id, cancellationToken),
            CreditCode = survivor.CreditCode ?? merged.CreditCode,
        };
    }

    /// <summary>Carries out <paramref name="plan"/>, in the command's transaction: each moved row answered as it is after, for the audit and the change feed.</summary>
    public async Task<CompanyMerge> MergeAsync(CompanyResponse merged, CompanyResponse survivor, CompanyMerge plan, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(merged);
        ArgumentNullException.ThrowIfNull(survivor);
        ArgumentNullException.ThrowIfNull(plan);
        var changed = new List<OtherChange>();
        foreach (var dealId in plan.DealIds.Union(plan.ReferredDealIds).Order())
        {
            var before = await deals.GetAsync(dealId, cancellationToken);
            var deal = await deals.LoadAsync(dealId, null, cancellationToken);
            var loaded = deal.Version;
            var terms = deal.Terms;
            deal.Revise(
                terms with
                {
                    CompanyId = terms.CompanyId == merged.Id ? survivor.Id : terms.CompanyId,
                    ReferrerCompanyId = terms.ReferrerCompanyId == merged.Id ? survivor.Id : terms.ReferrerCompanyId,
                },
                clock.Today,
                clock.UtcNow);
            var after = await deals.SaveAsync(deal, loaded, cancellationToken);
            changed.Add(new OtherChange("deal", dealId, ChangeKinds.Updated, after.Version, dealId, before, after));
        }

        var places = await chains.MoveCompanyAsync(merged.Id, survivor.Id, cancellationToken);
        foreach (var chain in await chains.LoadAsync(places.ChainIds, cancellationToken))
        {
            changed.Add(new OtherChange("chain", chain.Id, ChangeKinds.Updated, chain.Version, null, null, chain));
        }

        changed.AddRange(places.LinkIds.Select(link => new OtherChange("chainLink", link, ChangeKinds.Updated, null, null, null, null)));

        foreach (var claim in await claims.MoveCompanyAsync(merged.Id, survivor.Id, cancellationToken))
        {
            changed.Add(new OtherChange("claim", claim.Id, ChangeKinds.Updated, claim.Version, null, null, claim));
        }

        // The merged row gives up its credit code first: the code is unique, and the survivor may be taking it.
        await rows.UpdateAsync("companies", "merged_into_id = @survivorId, merged_at = @at, credit_code = NULL", merged, new { survivorId = survivor.Id, at = clock.UtcNow }, cancellationToken);
        if (survivor.CreditCode is null && merged.CreditCode is { } code)
        {
            await rows.UpdateAsync("companies", "credit_code = @code", survivor, new { code }, cancellationToken);
            var after = survivor with { CreditCode = code, Version = survivor.Version + 1 };
            changed.Add(new OtherChange("company", survivor.Id, ChangeKinds.Updated, after.Version, null, survivor, after));
        }

        return plan with { DryRun = false, Version = merged.Version + 1, AlsoChanged = changed };
    }

    private sealed record Attached
    {
        public long Activities { get; init; }

        public long Letters { get; init; }
    }
}
