using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Deals;

/// <summary>Checks that the ids a deal points at exist, reporting every missing one in one 400.</summary>
public sealed class DealReferences(DbSession session, FxRateStore fxRates)
{
    public async Task<long?> CheckAsync(DealFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, Message[]>();
        async Task RequireCompany(string field, long? id)
        {
            if (id is { } value && await References.CompanyRefusalAsync(session, value, cancellationToken) is { } refusal)
            {
                errors[field] = [refusal];
            }
        }

        await RequireCompany("companyId", fields.CompanyId);

        // Every other reference in one statement: a create or a change of references reads them all at once.
        var found = await session.QuerySingleAsync<Found>(
            """
            SELECT
              (SELECT COUNT(*) FROM parks WHERE id = @ParkId) AS park,
              (SELECT COUNT(*) FROM sectors WHERE id = @SectorId) AS sector,
              (SELECT COUNT(*) FROM teams WHERE id = @TeamId) AS team,
              (SELECT COUNT(*) FROM events WHERE id = @SourceEventId) AS event,
              (SELECT COUNT(*) FROM deals WHERE id = @PriorDealId) AS prior,
              (SELECT role FROM users WHERE id = @OwnerId) AS owner_role,
              (SELECT team_id FROM users WHERE id = @OwnerId) AS owner_team_id
            """,
            new { fields.ParkId, fields.SectorId, fields.TeamId, fields.SourceEventId, fields.PriorDealId, fields.OwnerId },
            cancellationToken);
        void Require(string field, long? id, long count, string what)
        {
            if (id is not null && count == 0)
            {
                errors[field] = [ProblemTexts.NoSuch.With(("what", what), ("id", id))];
            }
        }

        Require("parkId", fields.ParkId, found.Park, "park");
        Require("sectorId", fields.SectorId, found.Sector, "sector");
        Require("teamId", fields.TeamId, found.Team, "team");
        Require("sourceEventId", fields.SourceEventId, found.Event, "event");
        await RequireCompany("referrerCompanyId", fields.ReferrerCompanyId);
        Require("priorDealId", fields.PriorDealId, found.Prior, "deal");

        long? ownerTeam = null;
        if (fields.OwnerId is { } ownerId)
        {
            if (found.OwnerRole is null)
            {
                errors["ownerId"] = [ProblemTexts.NoSuch.With(("what", "user"), ("id", ownerId))];
            }
            else if (found.OwnerRole == Names.Of(Role.Analyst))
            {
                errors["ownerId"] = [ProblemTexts.AnalystCannotOwnDeals];
            }
            else
            {
                ownerTeam = found.OwnerTeamId;
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

    /// <summary>What the references' one statement found: a count per referenced row (0 or 1), and the owner's role and team.</summary>
    private sealed record Found
    {
        public long Park { get; init; }

        public long Sector { get; init; }

        public long Team { get; init; }

        public long Event { get; init; }

        public long Prior { get; init; }

        public string? OwnerRole { get; init; }

        public long? OwnerTeamId { get; init; }
    }
}
