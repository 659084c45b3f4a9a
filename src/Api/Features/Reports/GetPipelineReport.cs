using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Reports;

public enum PipelineGrouping
{
    Stage,
    Sector,
    Park,
    Owner,
    Team,
    Source,

    /// <summary>The province a deal's company comes from (its regionCode), for 省外资金: investment from outside the park's province.</summary>
    Province,

    /// <summary>The prefecture-level city a deal's company comes from.</summary>
    City,
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

    /// <summary>How the office publishes a rate (履约率, 开工率, 到位率 …): rounded half away from zero (round, the default) or truncated.</summary>
    public RateRounding RateRounding { get; init; } = RateRounding.Round;

    /// <summary>The decimals of a rate as a fraction (4: 0.9965, that is 99.65 %).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, PublishedRate.MaxDecimals)]
    public int RateDecimals { get; init; } = 4;

    /// <summary>Keep computed reports in memory per data version (see ReportCaching); off only to measure the reports' own cost.</summary>
    public bool CacheResults { get; init; } = true;

    /// <summary>A stage's probability in whole percent (probabilities have at most two decimals).</summary>
    public long PercentOf(Stage stage) => (long)(ProbabilityOf(stage) * 100m);

    public decimal ProbabilityOf(Stage stage) =>
        StageProbabilities.TryGetValue(Names.Of(stage), out var p) ? p : 0m;
}

public sealed record PipelineRow(string? Key, string Label, long Count, decimal IntendedInvestment, decimal WeightedInvestment)
{
    /// <summary>With two dimensions (groupBy=park,stage …): the row's stage; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Stage? Stage { get; init; }

    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public string? StageLabel { get; init; }

    /// <summary>With withFunds=true: the CNY funds in place (到位资金) the row's deals received up to asOf; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? FundsInPlace { get; init; }
}

public sealed record PipelineTotal(long Count, decimal IntendedInvestment, decimal WeightedInvestment)
{
    /// <summary>With withFunds=true: the CNY funds in place of every deal counted, up to asOf; absent otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public decimal? FundsInPlace { get; init; }
}

/// <summary>The pipeline in CNY, grouped; see <see cref="GetPipelineReportHandler"/> for the definitions.</summary>
public sealed record PipelineReport(PipelineGrouping GroupBy, DateOnly AsOf, string Currency, IReadOnlyList<PipelineRow> Rows, PipelineTotal Total);

public sealed record GetPipelineReport : ReportFilterQuery, IQuery<PipelineReport>, IFilteredReport
{
    /// <summary>stage (default), sector, park, owner, team or source; or one of those but stage with ",stage" for two dimensions (park,stage).</summary>
    public string? GroupBy { get; init; }

    /// <summary>YYYY-MM-DD; default today (China Standard Time).</summary>
    public string? AsOf { get; init; }

    /// <summary>active (default), onHold, or any (active and on hold). Lost deals are never in the pipeline.</summary>
    public string? Status { get; init; }

    /// <summary>true: each row and the total gain fundsInPlace, the CNY funds in place of their deals up to asOf (a second pass over the same deals).</summary>
    public bool? WithFunds { get; init; }

    /// <summary>The first dimension groupBy names (checked by the validator before a handler reads it).</summary>
    public PipelineGrouping Grouping => QueryValues.Enum(GroupBy?.Split(',')[0].Trim(), PipelineGrouping.Stage, "groupBy");

    /// <summary>A second dimension, stage: one row per group and stage (a flat table a BI tool loads as it is); only after a first that is not stage.</summary>
    public bool ByStage => GroupBy?.Split(',') switch
    {
        null or { Length: 1 } => false,
        [var first, var second] when second.Trim() == "stage" && first.Trim() is { Length: > 0 } f && f != "stage" => true,
        _ => throw ProblemException.Invalid("groupBy", ProblemTexts.GroupByOneStageSectorParkOwner),
    };

    /// <summary>The day asOf names, null for today.</summary>
    public DateOnly? AsOfDay => QueryValues.Date(AsOf, "asOf");
}

public sealed class GetPipelineReportValidator : AbstractValidator<GetPipelineReport>
{
    public GetPipelineReportValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x).Custom((query, context) => ParseRule.Check(context, () => _ = (query.Grouping, query.ByStage)));
        RuleFor(x => x.Status).Must(s => s is null or "active" or "onHold" or "any")
            .WithMessage(ProblemTexts.StatusActiveDefaultOnHoldAnyActive);
        RuleFor(x => x).AsOfNotInFuture(q => q.AsOfDay, clock);
    }
}

/// <summary>
/// Live deals, grouped, with their count and the CNY sum of their intended investment.
/// Each deal is converted and weighted on its own: a non-CNY amount at the rate in force on the
/// report's date, rounded half away from zero to the fen, then its stage's probability applied
/// and rounded likewise; rows sum the deals' figures and the total sums the rows, so every
/// grouping has the same total and every total is the sum of its rows to the fen. With a past <c>asOf</c>, each deal opened by then is counted
/// at the stage and status its history gives for the end of that day, with the amount, currency,
/// owner, team, park, sector and key-project flag of the revision in force then.
/// </summary>
public sealed class GetPipelineReportHandler(DbSession session, FxRateStore fxRates, DealFilter dealFilter, Common.CallerLanguage language, IClock clock, IOptions<ReportOptions> options)
    : IRequestHandler<GetPipelineReport, PipelineReport>
{
    public async Task<PipelineReport> Handle(GetPipelineReport request, CancellationToken cancellationToken)
    {
        var today = clock.Today;
        var asOf = request.AsOfDay ?? today;
        var statuses = request.Status switch
        {
            "onHold" => new[] { (int)DealStatus.OnHold },
            "any" => new[] { (int)DealStatus.Active, (int)DealStatus.OnHold },
            _ => new[] { (int)DealStatus.Active },
        };
        var (where, args) = await dealFilter.WhereAsync(request.Filter, false, cancellationToken);
        args.Add("statuses", statuses);
        var groupColumn = request.Grouping switch
        {
            PipelineGrouping.Sector => "sector_id",
            PipelineGrouping.Park => "park_id",
            PipelineGrouping.Owner => "owner_id",
            PipelineGrouping.Team => "team_id",
            PipelineGrouping.Source => "source",
            PipelineGrouping.Province or PipelineGrouping.City => "region",
            _ => "stage",
        };

        // Grouped in the order of an index that covers the grouping (ix_deals_by_*), so that the
        // database aggregates in one ordered index scan, without sorting.
        // Regions group by the company's region code (its county, city or province); the rows roll up to provinces or cities below.
        var keySelect = groupColumn switch { "stage" => "", "region" => "CAST(c.region_code AS BIGINT) AS group_key, ", _ => $"d.{groupColumn} AS group_key, " };
        var keyGroup = groupColumn switch { "stage" => "", "region" => "c.region_code, ", _ => $"d.{groupColumn}, " };
        var companies = groupColumn == "region" ? " JOIN companies c ON c.id = d.company_id" : "";
        var state = DealStateSource.At(asOf, today, args);
        var (stage, from, live) = (state.Stage, state.From + companies, state.Where(where.ToString(), session.Dialect.InList(state.Status, "statuses")));

        // Today: CNY subtotals in one ordered scan of the covering index (grouped by status, its first column), then
        // the few foreign deals. A past day: one pass over the history in force then, CNY deals grouped and each
        // foreign deal a group of its own.
        var statusGroup = state.IsToday ? "d.status, " : "";
        (string Where, string Group)[] passes = state.IsToday
            ? [("d.currency = 'CNY'", ""), ("d.currency <> 'CNY'", ", d.id")]
            : [("1 = 1", ", CASE WHEN d.currency = 'CNY' THEN 0 ELSE d.id END")];

        // Weighted investment is rounded per deal, then summed, so that every grouping has the same
        // total and each total is the sum of its rows to the fen. For CNY deals the database does it
        // exactly in integers: with an amount split as hi·10^7 + lo (ExactSum) and a probability of
        // P percent, a deal's weighted fen are hi·P·10^5 + round(lo·P / 100), and only the second
        // part needs rounding. Foreign-currency deals (a few) come back one a group and are
        // converted, then weighted, per deal here.
        var percent = string.Join(" ", Enum.GetValues<Stage>().Select(s =>
        {
            args.Add("p" + (int)s, options.Value.PercentOf(s));
            return $"WHEN {(int)s} THEN @p{(int)s}";
        }));
        var found = new List<Bucket>();
        foreach (var (currencies, perDeal) in passes)
        {
            found.AddRange(await session.QueryAsync<Bucket>(
                $"""
                SELECT {keySelect}{stage} AS stage, d.currency, COUNT(*) AS deals, {ExactSum.Of("d.intended_minor", "intended")},
                       SUM(((d.intended_minor % {ExactSum.Split}) * CASE {stage} {percent} END + 50) / 100) AS weighted_lo
                FROM {from} WHERE {live} AND {currencies}
                GROUP BY {statusGroup}{keyGroup}{stage}, d.currency{perDeal}
                """,
                args,
                cancellationToken));
        }

        var rates = await fxRates.InForceAsync(asOf, cancellationToken);
        var buckets = found.Select(b =>
        {
            if (b.Currency == RateTable.Cny)
            {
                return (b.GroupKey, b.Stage, b.Deals, b.Intended, Weighted: (b.IntendedHi * options.Value.PercentOf((Stage)b.Stage) * (ExactSum.Split / 100m)) + b.WeightedLo);
            }

            // One foreign deal: converted, then weighted, on its own.
            var cny = rates.ToCny(b.Currency, b.Intended);
            return (b.GroupKey, b.Stage, b.Deals, Intended: cny, Weighted: Money.Convert(cny, options.Value.ProbabilityOf((Stage)b.Stage)));
        });
        var sums = new Dictionary<string, (long Count, decimal Intended, decimal Weighted)>(StringComparer.Ordinal);
        var order = new List<string>();
        if (request.Grouping == PipelineGrouping.Stage)
        {
            foreach (var s in Enum.GetValues<Stage>())
            {
                var key = ((int)s).ToString(CultureInfo.InvariantCulture);
                sums[key] = (0, 0, 0);
                order.Add(key);
            }
        }

        // A row's key: the group (regions rolled up to provinces or cities), and with two dimensions its stage.
        string KeyOf(long? bucketKey, long bucketStage)
        {
            var groupKey = request.Grouping switch
            {
                PipelineGrouping.Province when bucketKey is { } code => code / 10000 * 10000,
                PipelineGrouping.City when bucketKey is { } code => code % 10000 == 0 ? code : code / 100 * 100,
                _ => bucketKey,
            };
            var key = (request.Grouping == PipelineGrouping.Stage ? bucketStage : groupKey)?.ToString(CultureInfo.InvariantCulture) ?? NoKey;
            return request.ByStage ? key + StageSeparator + bucketStage.ToString(CultureInfo.InvariantCulture) : key;
        }

        foreach (var bucket in buckets)
        {
            var key = KeyOf(bucket.GroupKey, bucket.Stage);
            if (!sums.TryGetValue(key, out var sum))
            {
                order.Add(key);
            }

            sums[key] = (sum.Count + bucket.Deals, sum.Intended + bucket.Intended, sum.Weighted + bucket.Weighted);
        }

        // Funds in place up to asOf, on request: the same deals in a second pass, summed per deal first over the covering
        // index (ix_funds_in_place_deal), then per row and currency, and converted per currency subtotal at asOf's rates.
        Dictionary<string, long>? funds = null;
        if (request.WithFunds == true)
        {
            args.Add("fundsUpTo", asOf);
            funds = new Dictionary<string, long>(StringComparer.Ordinal);
            var received = await session.QueryAsync<FundsBucket>(
                $"""
                SELECT {keySelect}{stage} AS stage, d.currency, SUM(f.amount_minor) AS amount_minor
                FROM {from} JOIN (SELECT deal_id, SUM(amount_minor) AS amount_minor FROM funds_in_place WHERE on_date <= @fundsUpTo GROUP BY deal_id) f ON f.deal_id = d.id
                WHERE {live}
                GROUP BY {statusGroup}{keyGroup}{stage}, d.currency
                """,
                args,
                cancellationToken);
            foreach (var bucket in received)
            {
                var key = KeyOf(bucket.GroupKey, bucket.Stage);
                funds[key] = funds.GetValueOrDefault(key) + (long)rates.ToCny(bucket.Currency.Trim(), bucket.AmountMinor);
            }
        }

        PipelineTotal WithFundsTotal(PipelineTotal total) => funds is null ? total : total with { FundsInPlace = Money.FromMinor(funds.Values.Sum()) };
        PipelineRow WithFundsRow(PipelineRow row, string key) => funds is null ? row : row with { FundsInPlace = Money.FromMinor(funds.GetValueOrDefault(key)) };

        if (request.ByStage)
        {
            return new PipelineReport(request.Grouping, asOf, RateTable.Cny, await TwoDimensionsAsync(request, sums, WithFundsRow, cancellationToken), WithFundsTotal(Total(sums)));
        }

        var labels = await LabelsAsync(request.Grouping, sums.Keys.Where(k => k != NoKey).ToList(), language.English, cancellationToken);
        var result = order
            .Select(key => (Key: key, Sum: sums[key]))
            .OrderBy(r => request.Grouping == PipelineGrouping.Stage ? long.Parse(r.Key, CultureInfo.InvariantCulture) : 0)
            .ThenByDescending(r => request.Grouping == PipelineGrouping.Stage ? 0 : r.Sum.Intended)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select(r => WithFundsRow(
                new PipelineRow(
                    r.Key == NoKey ? null : PublicKey(request.Grouping, r.Key),
                    r.Key == NoKey ? Labels.None(language.English) : labels.GetValueOrDefault(r.Key, r.Key),
                    r.Sum.Count,
                    Money.FromMinor(r.Sum.Intended),
                    Money.FromMinor(r.Sum.Weighted)),
                r.Key))
            .ToList();
        return new PipelineReport(request.Grouping, asOf, RateTable.Cny, result, WithFundsTotal(Total(sums)));
    }

    private const string NoKey = "\0";
    private const char StageSeparator = '|';

    private static PipelineTotal Total(Dictionary<string, (long Count, decimal Intended, decimal Weighted)> sums) => new(
        sums.Values.Sum(r => r.Count),
        Money.FromMinor(sums.Values.Sum(r => r.Intended)),
        Money.FromMinor(sums.Values.Sum(r => r.Weighted)));

    /// <summary>One row per group and stage: groups largest first (by their whole intended investment), stages in pipeline order within each.</summary>
    private async Task<List<PipelineRow>> TwoDimensionsAsync(
        GetPipelineReport request, Dictionary<string, (long Count, decimal Intended, decimal Weighted)> sums, Func<PipelineRow, string, PipelineRow> withFunds, CancellationToken cancellationToken)
    {
        var cells = sums.Select(s =>
        {
            var parts = s.Key.Split(StageSeparator);
            return (Group: parts[0], Stage: (Stage)int.Parse(parts[1], CultureInfo.InvariantCulture), s.Value, s.Key);
        }).ToList();
        var labels = await LabelsAsync(request.Grouping, cells.Select(c => c.Group).Where(g => g != NoKey).Distinct().ToList(), language.English, cancellationToken);
        var groupTotals = cells.GroupBy(c => c.Group).ToDictionary(g => g.Key, g => g.Sum(c => c.Value.Intended), StringComparer.Ordinal);
        return cells
            .OrderByDescending(c => groupTotals[c.Group])
            .ThenBy(c => c.Group, StringComparer.Ordinal)
            .ThenBy(c => c.Stage)
            .Select(c => withFunds(
                new PipelineRow(
                    c.Group == NoKey ? null : PublicKey(request.Grouping, c.Group),
                    c.Group == NoKey ? Labels.None(language.English) : labels.GetValueOrDefault(c.Group, c.Group),
                    c.Value.Count,
                    Money.FromMinor(c.Value.Intended),
                    Money.FromMinor(c.Value.Weighted))
                {
                    Stage = c.Stage,
                    StageLabel = Labels.Of(c.Stage, language.English),
                },
                c.Key))
            .ToList();
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
        if (groupBy is PipelineGrouping.Province or PipelineGrouping.City)
        {
            // Chinese names whatever the language: the table has no others. A municipality's 市辖区 is named after the municipality.
            return keys.ToDictionary(
                k => k,
                k => Regions.NameOf(k) is "市辖区" or "县" or null ? Regions.NameOf(Regions.ProvinceOf(k)) ?? k : Regions.NameOf(k)!,
                StringComparer.Ordinal);
        }

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
            foreach (var row in await session.QueryAsync<NameRow>($"SELECT id, name FROM {table} WHERE {session.Dialect.InList("id", "chunk")}", new { chunk }, cancellationToken))
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

        public long WeightedLo { get; init; }

        public decimal Intended => ExactSum.Combine(IntendedHi, IntendedLo);
    }

    private sealed record FundsBucket
    {
        public long? GroupKey { get; init; }

        public long Stage { get; init; }

        public string Currency { get; init; } = "";

        public long AmountMinor { get; init; }
    }

    private sealed record NameRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";
    }
}
