using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Deals;

/// <summary>Checks that the ids a deal points at exist, reporting every missing one in one 400.</summary>
public sealed class DealReferences(DbSession session, FxRateStore fxRates)
{
    public async Task<long?> CheckAsync(DealFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, Message[]>();
        async Task Require(string table, string field, long? id, string what)
        {
            if (id is { } value && !await References.ExistsAsync(session, table, value, cancellationToken))
            {
                errors[field] = [ProblemTexts.NoSuch.With(("what", what), ("id", id))];
            }
        }

        async Task RequireCompany(string field, long? id)
        {
            if (id is { } value && await References.CompanyRefusalAsync(session, value, cancellationToken) is { } refusal)
            {
                errors[field] = [refusal];
            }
        }

        await RequireCompany("companyId", fields.CompanyId);
        await Require("parks", "parkId", fields.ParkId, "park");
        await Require("sectors", "sectorId", fields.SectorId, "sector");
        await Require("teams", "teamId", fields.TeamId, "team");
        await Require("events", "sourceEventId", fields.SourceEventId, "event");
        await RequireCompany("referrerCompanyId", fields.ReferrerCompanyId);
        if (fields.PriorDealId is { } prior && !await References.ExistsAsync(session, "deals", prior, cancellationToken))
        {
            errors["priorDealId"] = [ProblemTexts.NoSuch.With(("what", "deal"), ("id", prior))];
        }

        long? ownerTeam = null;
        if (fields.OwnerId is { } ownerId)
        {
            var owner = await session.QuerySingleOrDefaultAsync<OwnerRow>(
                "SELECT role, team_id FROM users WHERE id = @ownerId", new { ownerId }, cancellationToken);
            if (owner is null)
            {
                errors["ownerId"] = [ProblemTexts.NoSuch.With(("what", "user"), ("id", ownerId))];
            }
            else if (owner.Role == Names.Of(Role.Analyst))
            {
                errors["ownerId"] = [ProblemTexts.AnalystCannotOwnDeals];
            }
            else
            {
                ownerTeam = owner.TeamId;
            }
        }

        if (fields.Currency is { } currency && !errors.ContainsKey("currency") && !await fxRates.HasRateAsync(currency, cancellationToken))
        {
            errors["currency"] = [ProblemTexts.NoRateFor.With(("currency", currency), ("code", currency))];
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, ProblemTexts.ValidationFailed, errors.First().Value[0], errors);
        }

        return ownerTeam;
    }

    /// <summary>A 409 (deal.externalRefTaken) when another live deal than <paramref name="dealId"/> has the ledger number <paramref name="externalRef"/>.</summary>
    public async Task RequireFreeExternalRefAsync(string? externalRef, long? dealId, CancellationToken cancellationToken)
    {
        if (externalRef is null)
        {
            return;
        }

        var holder = await session.ExecuteScalarAsync<long?>(
            "SELECT id FROM deals WHERE external_ref = @externalRef AND deleted_at IS NULL", new { externalRef }, cancellationToken);
        if (holder is { } id && id != dealId)
        {
            throw new ProblemException(StatusCodes.Status409Conflict, ProblemTexts.Conflict, ProblemTexts.ExternalRefTaken.With(("ref", externalRef), ("id", id)))
            {
                Code = "deal.externalRefTaken",
            };
        }
    }

    private sealed record OwnerRow
    {
        public string Role { get; init; } = "";

        public long? TeamId { get; init; }
    }
}
