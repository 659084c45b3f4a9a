using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Deals;

/// <summary>Checks that the ids a deal points at exist, reporting every missing one in one 400.</summary>
public sealed class DealReferences(DbSession session, FxRateStore fxRates)
{
    public async Task<long?> CheckAsync(DealFields fields, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var errors = new Dictionary<string, string[]>();
        async Task Require(string table, string field, long? id, string what)
        {
            if (id is { } value && !await References.ExistsAsync(session, table, value, cancellationToken))
            {
                errors[field] = [$"There is no {what} {id}."];
            }
        }

        await Require("companies", "companyId", fields.CompanyId, "company");
        await Require("parks", "parkId", fields.ParkId, "park");
        await Require("sectors", "sectorId", fields.SectorId, "sector");
        await Require("teams", "teamId", fields.TeamId, "team");
        await Require("events", "sourceEventId", fields.SourceEventId, "event");
        await Require("companies", "referrerCompanyId", fields.ReferrerCompanyId, "company");

        long? ownerTeam = null;
        if (fields.OwnerId is { } ownerId)
        {
            var owner = await session.QuerySingleOrDefaultAsync<OwnerRow>(
                "SELECT role, team_id FROM users WHERE id = @ownerId", new { ownerId }, cancellationToken);
            if (owner is null)
            {
                errors["ownerId"] = [$"There is no user {ownerId}."];
            }
            else if (owner.Role == Names.Of(Role.Analyst))
            {
                errors["ownerId"] = ["An analyst cannot own deals."];
            }
            else
            {
                ownerTeam = owner.TeamId;
            }
        }

        if (fields.Currency is { } currency && !errors.ContainsKey("currency") && !await fxRates.HasRateAsync(currency, cancellationToken))
        {
            errors["currency"] = [$"There is no rate for {currency}: set one with PUT /api/v1/fx-rates/{currency} first."];
        }

        if (errors.Count > 0)
        {
            throw new ProblemException(StatusCodes.Status400BadRequest, "One or more validation errors occurred.", errors.First().Value[0], errors);
        }

        return ownerTeam;
    }

    private sealed record OwnerRow
    {
        public string Role { get; init; } = "";

        public long? TeamId { get; init; }
    }
}
