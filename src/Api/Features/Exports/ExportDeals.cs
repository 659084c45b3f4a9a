using System.Text;
using CsvHelper;
using DealPipeline.Api.Features.Deals;

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
public sealed class ExportDealsHandler(DbSession session, DealFilter dealFilter, IClock clock) : IRequestHandler<ExportDeals, ExportDeals.Plan>
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
        return new ExportDeals.Plan(sql, args, await FxRates.FxRates.InForceAsync(session, clock.Today, cancellationToken));
    }
}

/// <summary>
/// Streams a prepared deals export in keyset chunks of <see cref="ChunkSize"/> deals, each chunk its own
/// short query, outside the request pipeline. A single long read would hold one snapshot for as long as the
/// client takes to download, and on SQLite no write-ahead-log frame can be checkpointed behind a snapshot:
/// one stalled download grew the WAL by hundreds of MiB. Between chunks nothing is held. Each chunk sees the
/// database as it is when read, so a deal changed during a long export appears as it was when its chunk was
/// read (never twice, never skipped: chunks follow the id).
/// </summary>
public sealed class DealExportReader(DbSession session)
{
    public const int ChunkSize = 1000;

    public async IAsyncEnumerable<ExportDeals.Row> ReadAsync(ExportDeals.Plan plan, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(plan);
        var after = 0L;
        while (true)
        {
            plan.Args.Add("after", after);
            var chunk = (await session.QueryAsync<ExportDeals.Row>(plan.Sql, plan.Args, cancellationToken)).ToList();
            foreach (var row in chunk)
            {
                yield return row;
            }

            if (chunk.Count < ChunkSize)
            {
                yield break;
            }

            after = chunk[^1].Id;
        }
    }
}

/// <summary>
/// Writes an export as CSV: UTF-8 with a byte-order mark (so that Excel reads Chinese), one header
/// row, flushed as it goes. A value that starts with =, +, -, @, a tab or a carriage return is
/// written with a leading apostrophe, so that a spreadsheet shows it as text instead of running it
/// as a formula (CsvHelper's injection escaping). Timestamps are China Standard Time to the second.
/// </summary>
public static class CsvExport
{
    private const int FlushEvery = 500;

    /// <summary>Writes the header and every row; answers how many rows were written.</summary>
    public static async Task<long> WriteAsync<T>(Stream body, IReadOnlyList<ExportColumn<T>> columns, IAsyncEnumerable<T> rows, ExportContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(columns);
        ArgumentNullException.ThrowIfNull(context);
        await using var writer = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), bufferSize: 64 * 1024, leaveOpen: true);
        var configuration = new CsvHelper.Configuration.CsvConfiguration(CultureInfo.InvariantCulture) { InjectionOptions = CsvHelper.Configuration.InjectionOptions.Escape };
        await using var csv = new CsvWriter(writer, configuration, leaveOpen: true);
        foreach (var column in columns)
        {
            csv.WriteField(context.Chinese ? column.Zh + (column.Kind == CellKind.Money ? "（元）" : "") : column.Key);
        }

        await csv.NextRecordAsync();
        var written = 0L;
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var column in columns)
            {
                csv.WriteField(Text(column.Value(row, context), column.Kind, context.Chinese));
            }

            await csv.NextRecordAsync();
            if (++written % FlushEvery == 0)
            {
                await csv.FlushAsync();
                await writer.FlushAsync(cancellationToken);
            }
        }

        await csv.FlushAsync();
        await writer.FlushAsync(cancellationToken);
        return written;
    }

    private static string? Text(object? value, CellKind kind, bool chinese) => value switch
    {
        null => null,
        bool flag => chinese ? (flag ? "是" : "否") : (flag ? "true" : "false"),
        decimal amount => amount.ToString("0.00", CultureInfo.InvariantCulture),
        DateOnly day => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset at => TimeZoneInfo.ConvertTime(at, ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        long or int => Convert.ToString(value, CultureInfo.InvariantCulture),
        _ when kind == CellKind.Text => value.ToString(),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture),
    };
}
