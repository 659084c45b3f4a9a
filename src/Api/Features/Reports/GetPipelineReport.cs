using System.Globalization;
using DealPipeline.Api.Application;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.FxRates;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace DealPipeline.Api.Features.Reports;

public enum PipelineGrouping
{
    Stage,
    Sector,
    Park,
    Owner,
    Team,
    Source,
}

/// <summary>The <c>Reports</c> configuration: the probability of each stage's deals landing, for weighted investment.</summary>
public sealed class ReportOptions
{
    public const string Section = "Reports";

    public Dictionary<string, decimal> StageProbabilities { get; init; } = new(StringComparer.OrdinalIgnoreCase)
    {
        ["contact"] = 0.1m,
        ["negotiation"] = 0.3m,
        ["letters"] = 0.5m,
        ["signed"] = 0.8m,
        ["landed"] = 1.0m,
    };

    /// <summary>Keep computed reports in memory per data version (see ReportCaching); off only to measure the reports' own cost.</summary>
    public bool CacheResults { get; init; } = true;

    public decimal ProbabilityOf(Stage stage) =>
        StageProbabilities.TryGetValue(Names.Of(stage), out var p) ? p : 0m;
}

public sealed record PipelineRow(string? Key, string Label, long Count, decimal IntendedInvestment, decimal WeightedInvestment);

public sealed record PipelineTotal(long Count, decimal IntendedInvestment, decimal WeightedInvestment);

/// <summary>The pipeline in CNY, grouped; see <see cref="GetPipelineReportHandler"/> for the definitions.</summary>
public sealed record PipelineReport(PipelineGrouping GroupBy, DateOnly AsOf, string Currency, IReadOnlyList<PipelineRow> Rows, PipelineTotal Total);

public sealed record GetPipelineReport : IQuery<PipelineReport>, IFilteredReport
{
    public ReportFilter Filter { get; init; } = ReportFilter.None;

    public PipelineGrouping GroupBy { get; init; } = PipelineGrouping.Stage;

    public DateOnly? AsOf { get; init; }

    /// <summary>active (default), onHold, or any (active and on hold). Lost deals are never in the pipeline.</summary>
    public string? Status { get; init; }

    public bool English { get; init; }
}

public sealed class GetPipelineReportValidator : AbstractValidator<GetPipelineReport>
{
    public GetPipelineReportValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.GroupBy).IsInEnum();
        RuleFor(x => x.Status).Must(s => s is null or "active" or "onHold" or "any")
            .WithMessage("'status' is active (default), onHold or any (active and on hold); lost deals are not in the pipeline.");
        RuleFor(x => x.AsOf).BusinessDate().NotInFuture(() => clock.Today);
    }
}

/// <summary>
/// Live deals, grouped, with their count and the CNY sum of their intended investment.
/// A non-CNY amount is converted at the rate in force on the report's date, applied to each
/// currency's subtotal within a row and rounded half away from zero to the fen; weighted
/// investment applies each stage's probability to each stage's CNY subtotal, rounded likewise.
/// The total is the sum of the rows. With a past <c>asOf</c>, each deal opened by then is counted
/// at the stage and status its history gives for the end of that day, with its current amounts.
/// </summary>
public sealed class GetPipelineReportHandler(DbSession session, DealAccess access, IClock clock, IOptions<ReportOptions> options)
    : IRequestHandler<GetPipelineReport, PipelineReport>
{
    public async Task<PipelineReport> Handle(GetPipelineReport request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var asOf = request.AsOf ?? today;
        var statuses = request.Status switch
        {
            "onHold" => new[] { (int)DealStatus.OnHold },
            "any" => new[] { (int)DealStatus.Active, (int)DealStatus.OnHold },
            _ => new[] { (int)DealStatus.Active },
        };
        var (where, args) = await DealFilterSql.BuildAsync(session, request.Filter, includeDeleted: false, access, cancellationToken);
        args.Add("statuses", statuses);
        var groupColumn = request.GroupBy switch
        {
            PipelineGrouping.Sector => "sector_id",
            PipelineGrouping.Park => "park_id",
            PipelineGrouping.Owner => "owner_id",
            PipelineGrouping.Team => "team_id",
            PipelineGrouping.Source => "source",
            _ => "stage",
        };

        // Grouped in the order of an index that covers the grouping (ix_deals_by_*), so that the
        // database aggregates in one ordered index scan, without sorting.
        var keySelect = groupColumn == "stage" ? "" : $"d.{groupColumn} AS group_key, ";
        var keyGroup = groupColumn == "stage" ? "" : $"d.{groupColumn}, ";
        string sql;
        if (asOf >= today)
        {
            sql = $"SELECT {keySelect}d.stage, d.currency, COUNT(*) AS deals, {ExactSum.Of("d.intended_minor", "intended")} " +
                  $"FROM deals d WHERE {where} AND d.status IN @statuses GROUP BY d.status, {keyGroup}d.stage, d.currency";
        }
        else
        {
            // Each deal's state at the end of asOf is its one history entry in force then.
            args.Add("asOf", asOf);
            sql = $"SELECT {keySelect}h.stage_after AS stage, d.currency, COUNT(*) AS deals, {ExactSum.Of("d.intended_minor", "intended")} " +
                  $"FROM deal_history h JOIN deals d ON d.id = h.deal_id WHERE {DealState.InForce("h", "@asOf")} AND h.status_after IN @statuses AND {where} " +
                  $"GROUP BY {keyGroup}h.stage_after, d.currency";
        }

        // Status splits the buckets only for the index's sake: merge them before converting and rounding.
        var buckets = (await session.QueryAsync<Bucket>(sql, args, cancellationToken))
            .GroupBy(b => (Key: request.GroupBy == PipelineGrouping.Stage ? b.Stage : b.GroupKey, b.Stage, b.Currency))
            .Select(g => (GroupKey: g.Key.Key, g.Key.Stage, g.Key.Currency, Deals: g.Sum(b => b.Deals), Intended: g.Sum(b => b.Intended)))
            .ToList();
        var rates = await FxRates.FxRates.InForceAsync(session, asOf, cancellationToken);
        var probabilities = options.Value;
        var rows = new Dictionary<string, (long Count, decimal Intended, decimal Weighted)>(StringComparer.Ordinal);
        var order = new List<string>();
        const string NoKey = "\0";
        if (request.GroupBy == PipelineGrouping.Stage)
        {
            foreach (var stage in Enum.GetValues<Stage>())
            {
                var key = ((int)stage).ToString(CultureInfo.InvariantCulture);
                rows[key] = (0, 0, 0);
                order.Add(key);
            }
        }

        foreach (var bucket in buckets)
        {
            var key = bucket.GroupKey?.ToString(CultureInfo.InvariantCulture) ?? NoKey;
            var cny = FxRates.FxRates.ToCny(bucket.Currency, bucket.Intended, rates);
            var weighted = Money.Convert(cny, probabilities.ProbabilityOf((Stage)bucket.Stage));
            rows.TryGetValue(key, out var sum);
            if (!rows.ContainsKey(key))
            {
                order.Add(key);
            }

            rows[key] = (sum.Count + bucket.Deals, sum.Intended + cny, sum.Weighted + weighted);
        }

        var labels = await LabelsAsync(request.GroupBy, rows.Keys.Where(k => k != NoKey).ToList(), request.English, cancellationToken);
        var result = order
            .Select(key => (Key: key, Sum: rows[key]))
            .OrderBy(r => request.GroupBy == PipelineGrouping.Stage ? long.Parse(r.Key, CultureInfo.InvariantCulture) : 0)
            .ThenByDescending(r => request.GroupBy == PipelineGrouping.Stage ? 0 : r.Sum.Intended)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => new PipelineRow(
                r.Key == NoKey ? null : PublicKey(request.GroupBy, r.Key),
                r.Key == NoKey ? Labels.None(request.English) : labels.GetValueOrDefault(r.Key, r.Key),
                r.Sum.Count,
                Money.FromMinor(r.Sum.Intended),
                Money.FromMinor(r.Sum.Weighted)))
            .ToList();
        var total = new PipelineTotal(
            rows.Values.Sum(r => r.Count),
            Money.FromMinor(rows.Values.Sum(r => r.Intended)),
            Money.FromMinor(rows.Values.Sum(r => r.Weighted)));
        return new PipelineReport(request.GroupBy, asOf, FxRates.FxRates.Cny, result, total);
    }

    private static string PublicKey(PipelineGrouping groupBy, string key) => groupBy switch
    {
        PipelineGrouping.Stage => Names.Of((Stage)int.Parse(key, CultureInfo.InvariantCulture)),
        PipelineGrouping.Source => Names.Of((DealSource)int.Parse(key, CultureInfo.InvariantCulture)),
        _ => key,
    };

    private async Task<Dictionary<string, string>> LabelsAsync(PipelineGrouping groupBy, List<string> keys, bool english, CancellationToken cancellationToken)
    {
        var table = groupBy switch
        {
            PipelineGrouping.Sector => "sectors",
            PipelineGrouping.Park => "parks",
            PipelineGrouping.Owner => "users",
            PipelineGrouping.Team => "teams",
            _ => null,
        };
        if (table is null)
        {
            return keys.ToDictionary(
                k => k,
                k => groupBy == PipelineGrouping.Stage
                    ? Labels.Of((Stage)int.Parse(k, CultureInfo.InvariantCulture), english)
                    : Labels.Of((DealSource)int.Parse(k, CultureInfo.InvariantCulture), english),
                StringComparer.Ordinal);
        }

        var ids = keys.Select(k => long.Parse(k, CultureInfo.InvariantCulture)).ToList();
        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var chunk in ids.Chunk(500))
        {
            foreach (var row in await session.QueryAsync<NameRow>($"SELECT id, name FROM {table} WHERE id IN @chunk", new { chunk }, cancellationToken))
            {
                names[row.Id.ToString(CultureInfo.InvariantCulture)] = row.Name;
            }
        }

        return names;
    }

    private sealed record Bucket
    {
        public long? GroupKey { get; init; }

        public long Stage { get; init; }

        public string Currency { get; init; } = "";

        public long Deals { get; init; }

        public long IntendedHi { get; init; }

        public long IntendedLo { get; init; }

        public decimal Intended => ExactSum.Combine(IntendedHi, IntendedLo);
    }

    private sealed record NameRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";
    }
}
