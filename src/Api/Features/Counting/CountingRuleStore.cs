using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Counting;

/// <summary>The counting_rules table: its lists kept as space-separated names and ids.</summary>
public sealed class CountingRuleStore(DbSession session, ReferenceStore rows)
{
    public const string Columns = "id, name, min_investment_minor, excluded_sectors, excluded_prior_kinds, requires, window_months, enabled, version";

    public const string SelectAll = $"SELECT {Columns} FROM counting_rules WHERE 1 = 1";

    public async Task<CountingRulesResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM counting_rules WHERE id = @id", new { id }, cancellationToken))?.ToResponse()
        ?? throw ProblemException.NotFound("counting rules", id);

    /// <summary>The rule set a figure is counted by: the one asked for (404 when there is none), else the office's first enabled one.</summary>
    public async Task<CountingRulesResponse> InForceAsync(long? id, CancellationToken cancellationToken)
    {
        if (id is { } asked)
        {
            return await GetAsync(asked, cancellationToken);
        }

        var first = await session.ExecuteScalarAsync<long?>(session.Dialect.Limit("SELECT id FROM counting_rules WHERE enabled = @enabled", "id"), new { enabled = true, take = 1 }, cancellationToken);
        return first is { } found ? await GetAsync(found, cancellationToken) : throw ProblemException.Conflict(ProblemTexts.NoCountingRules);
    }

    /// <summary>The rules checked (400 naming the field), their sectors on file (400) and their name no other set's (409).</summary>
    public async Task<CountingRules> CheckAsync(CountingRules rules, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rules);
        rules.Validate();
        foreach (var sector in rules.ExcludedSectorIds)
        {
            if (await session.ExecuteScalarAsync<long?>("SELECT id FROM sectors WHERE id = @sector", new { sector }, cancellationToken) is null)
            {
                throw ProblemException.Invalid("excludedSectorIds", ProblemTexts.NoSuch.With(("what", "sector"), ("id", sector)));
            }
        }

        return await rows.TakenAsync("counting_rules", "name", rules.Name, rules.Id, cancellationToken)
            ? throw ProblemException.Conflict(ProblemTexts.CountingRulesNameTaken.With(("name", rules.Name)))
            : rules;
    }

    public Task<long> AddAsync(CountingRules rules, CancellationToken cancellationToken) =>
        rows.InsertAsync(
            "counting_rules",
            "name, min_investment_minor, excluded_sectors, excluded_prior_kinds, requires, window_months, enabled, version",
            "@name, @min, @sectors, @priors, @requires, @window, @enabled, 1",
            Arguments(rules),
            cancellationToken);

    public Task UpdateAsync(CountingRulesResponse current, CountingRules rules, CancellationToken cancellationToken) =>
        rows.UpdateAsync(
            "counting_rules",
            "name = @name, min_investment_minor = @min, excluded_sectors = @sectors, excluded_prior_kinds = @priors, requires = @requires, window_months = @window, enabled = @enabled",
            current,
            Arguments(rules),
            cancellationToken);

    private static object Arguments(CountingRules rules) => new
    {
        name = rules.Name,
        min = rules.MinInvestmentCnyMinor,
        sectors = string.Join(' ', rules.ExcludedSectorIds),
        priors = string.Join(' ', rules.ExcludedPriorKinds.Select(Names.Of)),
        requires = string.Join(' ', rules.Requires.Select(Names.Of)),
        window = rules.WindowMonths,
        enabled = rules.Enabled,
    };

    public sealed record Row : IHasId
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public long MinInvestmentMinor { get; init; }

        public string ExcludedSectors { get; init; } = "";

        public string ExcludedPriorKinds { get; init; } = "";

        public string Requires { get; init; } = "";

        public int WindowMonths { get; init; }

        public bool Enabled { get; init; }

        public int Version { get; init; }

        private static string[] Split(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        public CountingRulesResponse ToResponse() => new()
        {
            Id = Id,
            Name = Name,
            MinInvestment = Money.FromMinor(MinInvestmentMinor),
            ExcludedSectorIds = [.. Split(ExcludedSectors).Select(s => long.Parse(s, CultureInfo.InvariantCulture))],
            ExcludedPriorKinds = [.. Split(ExcludedPriorKinds).Where(k => Names.TryParse<PriorKind>(k, out _))],
            Requires = [.. Split(Requires).Where(r => Names.TryParse<CountingRequirement>(r, out _))],
            WindowMonths = WindowMonths,
            Enabled = Enabled,
            Version = Version,
        };
    }
}
