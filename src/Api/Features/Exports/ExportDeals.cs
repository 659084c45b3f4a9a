using System.Text;
using CsvHelper;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Exports;

/// <summary>The deals list's filters, for the CSV export (every matching deal, in id order).</summary>
public sealed record ExportDeals : DealFilterQuery, IQuery<ExportDeals.Plan>
{
    /// <summary>zh-CN for Chinese headers and labels (or send Accept-Language: zh-CN); English codes otherwise.</summary>
    public string? Lang { get; init; }

    /// <summary>true: deleted deals too, with their deletedAt (tombstones for an incremental export with updatedSince).</summary>
    public bool? IncludeDeleted { get; init; }

    /// <summary>
    /// The export prepared: the query that reads its rows in chunks (after the id in @after), and the rates in
    /// force on the export's date for its CNY columns. The request pipeline covers preparing it (filters checked,
    /// rates read, logged and timed as such); the rows stream afterwards through <see cref="DealExportReader"/>.
    /// </summary>
    public sealed record Plan(string Sql, Dapper.DynamicParameters Args, RateTable Rates);

    /// <summary>One exported deal, with the names of what it points at.</summary>
    public sealed record Row : DealRow
    {
        public string CompanyName { get; init; } = "";

        public string? CreditCode { get; init; }

        public string ParkName { get; init; } = "";

        public string SectorName { get; init; } = "";

        public string OwnerName { get; init; } = "";

        public string? TeamName { get; init; }

        /// <summary>The deal's funds in place to date, in its currency (null when none).</summary>
        public long? FundsMinor { get; init; }
    }
}

/// <summary>Prepares the deals export: the filters' SQL with the caller's visibility, and the day's rates.</summary>
public sealed class ExportDealsHandler(DbSession session, FxRateStore fxRates, DealFilter dealFilter, IClock clock) : IRequestHandler<ExportDeals, ExportDeals.Plan>
{
    public async Task<ExportDeals.Plan> Handle(ExportDeals request, CancellationToken cancellationToken)
    {
        var (where, args) = await dealFilter.WhereAsync(request, request.IncludeDeleted == true, cancellationToken);
        var sql = session.Dialect.Limit(
            $"""
            SELECT {DealRow.Columns}, c.name AS company_name, c.credit_code, p.name AS park_name, s.name AS sector_name, u.name AS owner_name, t.name AS team_name,
                (SELECT SUM(f.amount_minor) FROM funds_in_place f WHERE f.deal_id = d.id) AS funds_minor
            FROM {DealRow.From} JOIN companies c ON c.id = d.company_id JOIN parks p ON p.id = d.park_id JOIN sectors s ON s.id = d.sector_id
            JOIN users u ON u.id = d.owner_id LEFT JOIN teams t ON t.id = d.team_id
            WHERE {where} AND d.id > @after
            """,
            "d.id");
        args.Add("take", DealExportReader.ChunkSize);
        return new ExportDeals.Plan(sql, args, await fxRates.InForceAsync(clock.Today, cancellationToken));
    }
}
