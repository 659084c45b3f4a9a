namespace DealPipeline.Api.Features.Reports;

/// <summary>What a ranking board (赛马榜) ranks: parks, teams or officers (the owners of deals).</summary>
public enum RankingUnit
{
    Park = 1,
    Team = 2,
    Owner = 3,
}

/// <summary>A figure of the board and its weight.</summary>
public sealed record RankingFigure(string Name, decimal Weight);

/// <summary>A figure's value for a unit (CNY for amounts) and the points it scored.</summary>
public sealed record RankingValue(decimal Value, decimal Points);

/// <summary>A unit's place: its rank within its group (or the board), its weighted score, and each figure's value and points.</summary>
public sealed record RankingItem(int Rank, long? GroupId, string? GroupName, long Id, string Name, decimal Score, IReadOnlyDictionary<string, RankingValue> Figures);

/// <summary>A ranking board (赛马榜): the units of a period ranked on weighted figures, normalised by 功效系数法 or by rank.</summary>
public sealed record RankingReport(RankingUnit By, RankingMethod Method, DateOnly From, DateOnly To, string? Within, IReadOnlyList<RankingFigure> Figures, IReadOnlyList<RankingItem> Items);

public sealed record GetRankingReport : PeriodReportQuery, IQuery<RankingReport>, IFilteredReport
{
    public const string DefaultFigures = "signedInvestment:30,landedInvestment:30,fundsInPlace:20,signedCount:10,landedCount:10";

    /// <summary>The figures a board may rank on, from the period's performance figures of each unit.</summary>
    public static readonly IReadOnlyDictionary<string, Func<PerformanceReport, decimal>> Known = new Dictionary<string, Func<PerformanceReport, decimal>>(StringComparer.Ordinal)
    {
        ["newDeals"] = r => r.NewDeals,
        ["signedCount"] = r => r.Signed.Count,
        ["signedInvestment"] = r => r.Signed.ContractedInvestment,
        ["landedCount"] = r => r.Landed.Count,
        ["landedInvestment"] = r => r.Landed.ContractedInvestment,
        ["fundsInPlace"] = r => r.FundsInPlace.InPeriod,
        ["constructionStarted"] = r => r.ConstructionStarted.Count,
        ["productionStarted"] = r => r.ProductionStarted.Count,
        ["siteVisits"] = r => r.SiteVisits,
        ["letters"] = r => r.Letters.Total,
    };

    /// <summary>park, team or owner.</summary>
    public string? By { get; init; }

    /// <summary>name:weight pairs, comma-separated; the default weighs signings and landings in CNY, funds in place and the counts.</summary>
    public string? Figures { get; init; }

    /// <summary>efficacy (功效系数法, the default) or rank.</summary>
    public string? Method { get; init; }

    /// <summary>group: units ranked within their board groups (GET /board-groups); team: officers within their own team (with by=owner only).</summary>
    public string? Within { get; init; }

    public RankingUnit Unit => Names.TryParse<RankingUnit>(By, out var unit) ? unit : 0;

    public RankingMethod Normalisation => Method is null ? RankingMethod.Efficacy : Names.TryParse<RankingMethod>(Method, out var method) ? method : 0;

    /// <summary>The figures and weights asked for; null when the text is not name:weight pairs of known, distinct figures with weights in (0, 100].</summary>
    public IReadOnlyList<RankingFigure>? Weighted
    {
        get
        {
            var figures = new List<RankingFigure>();
            foreach (var part in (Figures ?? DefaultFigures).Split(','))
            {
                var pair = part.Split(':');
                if (pair.Length != 2 || !Known.ContainsKey(pair[0].Trim()) || figures.Any(f => f.Name == pair[0].Trim())
                    || !decimal.TryParse(pair[1].Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var weight) || weight is <= 0 or > 100)
                {
                    return null;
                }

                figures.Add(new RankingFigure(pair[0].Trim(), weight));
            }

            return figures.Count is > 0 and <= 10 ? figures : null;
        }
    }
}

public sealed class GetRankingReportValidator : AbstractValidator<GetRankingReport>
{
    public GetRankingReportValidator()
    {
        RuleFor(x => x.By).Must(b => Names.TryParse<RankingUnit>(b, out _)).WithMessage(ProblemTexts.FieldOneValues.With(("field", "by"), ("values", "park, team, owner")));
        RuleFor(x => x.Method).Must(m => m is null || Names.TryParse<RankingMethod>(m, out _)).WithMessage(ProblemTexts.FieldOneValues.With(("field", "method"), ("values", "efficacy, rank")));
        RuleFor(x => x.Figures).MaximumLength(500).Must((q, _) => q.Weighted is not null)
            .WithMessage(ProblemTexts.RankingFigures.With(("figures", string.Join(", ", GetRankingReport.Known.Keys))));
        RuleFor(x => x.Within).Must((q, w) => w is null or "group" || (w == "team" && q.Unit == RankingUnit.Owner)).WithMessage(ProblemTexts.RankingWithinTeam.With());
    }
}

/// <summary>
/// Ranks every park, team or officer (those who may own deals) on the period's performance figures of its deals, as the caller may
/// see them and under the report filters: each unit's figures are <see cref="PerformanceFigures"/> for it, so a board adds up
/// to the performance report.
/// </summary>
public sealed class GetRankingReportHandler(DbSession session, PerformanceFigures performance, BoardGroupStore boardGroups) : IRequestHandler<GetRankingReport, RankingReport>
{
    public async Task<RankingReport> Handle(GetRankingReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var figures = request.Weighted!;
        var units = (await session.QueryAsync<Unit>(
            request.Unit switch
            {
                RankingUnit.Park => "SELECT p.id, p.name, NULL AS group_id, NULL AS group_name FROM parks p ORDER BY p.id",
                RankingUnit.Team => "SELECT t.id, t.name, NULL AS group_id, NULL AS group_name FROM teams t ORDER BY t.id",
                _ => "SELECT u.id, u.name, u.team_id AS group_id, t.name AS group_name FROM users u LEFT JOIN teams t ON t.id = u.team_id WHERE u.role IN ('officer', 'manager') ORDER BY u.id",
            },
            null,
            cancellationToken)).ToList();
        var values = new Dictionary<long, decimal[]>();
        foreach (var unit in units)
        {
            var filter = request.Unit switch
            {
                RankingUnit.Park => request.Filter with { ParkId = unit.Id },
                RankingUnit.Team => request.Filter with { TeamId = unit.Id },
                _ => request.Filter with { OwnerId = unit.Id },
            };
            var figuresOf = await performance.ComputeAsync(request.Period, filter, cancellationToken);
            values[unit.Id] = [.. figures.Select(f => GetRankingReport.Known[f.Name](figuresOf))];
        }

        if (request.Within == "group")
        {
            // Each unit in its board group; those in none are ranked together, as a group of their own (no id).
            var groupOf = await boardGroups.GroupOfAsync(request.Unit, cancellationToken);
            units = [.. units.Select(u => groupOf.TryGetValue(u.Id, out var g) ? u with { GroupId = g.Id, GroupName = g.Name } : u with { GroupId = null, GroupName = null })];
        }

        var grouped = request.Within is "team" or "group";
        var weights = figures.Select(f => f.Weight).ToList();
        var items = new List<RankingItem>();
        foreach (var group in units.GroupBy(u => grouped ? u.GroupId : null).OrderBy(g => g.Key))
        {
            var byId = group.ToDictionary(u => u.Id);
            foreach (var score in Rankings.Score([.. group.Select(u => new RankingEntry(u.Id, values[u.Id]))], weights, request.Normalisation))
            {
                var unit = byId[score.Id];
                items.Add(new RankingItem(
                    score.Rank,
                    grouped ? unit.GroupId : null,
                    grouped ? unit.GroupName : null,
                    unit.Id,
                    unit.Name,
                    score.Score,
                    figures.Select((f, i) => (f.Name, Value: new RankingValue(values[unit.Id][i], score.Points[i]))).ToDictionary(x => x.Name, x => x.Value)));
            }
        }

        var period = request.Period;
        return new RankingReport(request.Unit, request.Normalisation, period.From, period.To, request.Within, figures, items);
    }

    private sealed record Unit
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public long? GroupId { get; init; }

        public string? GroupName { get; init; }
    }
}
