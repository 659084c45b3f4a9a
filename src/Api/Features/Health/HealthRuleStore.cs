using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Health;

/// <summary>The health_rules table: the office's rules as the API and the checks read them.</summary>
public sealed class HealthRuleStore(DbSession session, ReferenceStore rows)
{
    public const string Columns = "id, name, kind, period_count, period_unit, percent_below, enabled, version";

    /// <summary>Every rule, for a page of them (the pager adds its own conditions and order).</summary>
    public const string SelectAll = $"SELECT {Columns} FROM health_rules WHERE 1 = 1";

    public async Task<HealthRuleResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM health_rules WHERE id = @id", new { id }, cancellationToken))?.ToResponse()
        ?? throw ProblemException.NotFound("health rule", id);

    /// <summary>Every rule, in id order (disabled ones too: they flag nothing, but a report names them).</summary>
    public async Task<IReadOnlyList<HealthRule>> AllAsync(CancellationToken cancellationToken) =>
        [.. (await session.QueryAsync<Row>($"SELECT {Columns} FROM health_rules ORDER BY id", null, cancellationToken)).Select(r => r.ToRule())];

    /// <summary>The fields checked as a rule (400 naming the field) and their name no other rule's (409).</summary>
    public async Task<HealthRule> CheckAsync(CreateHealthRule fields, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var rule = fields.ToRule(id ?? 0);
        rule.Validate();
        var clash = await session.ExecuteScalarAsync<long?>("SELECT id FROM health_rules WHERE name = @Name AND id <> @Id", new { rule.Name, Id = id ?? 0 }, cancellationToken);
        return clash is null ? rule : throw ProblemException.Conflict(ProblemTexts.HealthRuleNameTaken.With(("name", rule.Name)));
    }

    public Task<long> AddAsync(HealthRule rule, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("health_rules", "name, kind, period_count, period_unit, percent_below, enabled, version", "@name, @kind, @count, @unit, @percent, @enabled, 1"),
            Arguments(rule),
            cancellationToken);

    public Task UpdateAsync(HealthRuleResponse current, HealthRule rule, CancellationToken cancellationToken) =>
        rows.UpdateAsync(
            "health_rules", "name = @name, kind = @kind, period_count = @count, period_unit = @unit, percent_below = @percent, enabled = @enabled", current, Arguments(rule), cancellationToken);

    private static object Arguments(HealthRule rule) =>
        new { name = rule.Name, kind = Names.Of(rule.Kind), count = rule.Period.Count, unit = Names.Of(rule.Period.Unit), percent = rule.PercentBelow, enabled = rule.Enabled };

    public sealed record Row : IHasId
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string Kind { get; init; } = "";

        public int PeriodCount { get; init; }

        public string PeriodUnit { get; init; } = "";

        public int? PercentBelow { get; init; }

        public bool Enabled { get; init; }

        public int Version { get; init; }

        public HealthRuleResponse ToResponse() => new()
        {
            Id = Id,
            Name = Name,
            Kind = Names.TryParse<HealthRuleKind>(Kind.Trim(), out var kind) ? kind : 0,
            Period = new PeriodBody(PeriodCount, PeriodUnit.Trim()),
            PercentBelow = PercentBelow,
            Enabled = Enabled,
            Version = Version,
        };

        public HealthRule ToRule()
        {
            var response = ToResponse();
            return new HealthRule(Id, Name, response.Kind, response.Period.ToPeriod(), PercentBelow, Enabled);
        }
    }
}
