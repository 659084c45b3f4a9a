using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Deadlines;

/// <summary>The deadline_rules table as the API and the deadline source read it.</summary>
public sealed class DeadlineRuleStore(DbSession session, ReferenceStore rows, IClock clock)
{
    public const string Columns = "id, name, min_intended_minor, answer_count, answer_unit, assess_count, assess_unit, report_count, report_unit, version";
    public const string SpanColumns = "answer_count, answer_unit, assess_count, assess_unit, report_count, report_unit";
    public const string SpanValues = "@answerCount, @answerUnit, @assessCount, @assessUnit, @reportCount, @reportUnit";

    public async Task<DeadlineRuleResponse> GetAsync(long id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM deadline_rules WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("deadline rule", id);
        return row.ToResponse();
    }

    public async Task<IReadOnlyList<DeadlineRule>> AllAsync(CancellationToken cancellationToken)
    {
        return [.. (await session.QueryAsync<Row>($"SELECT {Columns} FROM deadline_rules", null, cancellationToken)).Select(r => r.ToRule())];
    }

    /// <summary>The fields trimmed, once neither the name nor the threshold is another rule's (409: a lead must fall in one class only).</summary>
    public async Task<CreateDeadlineRule> CheckAsync(CreateDeadlineRule fields, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var name = fields.Name!.Trim();
        var min = Money.ToMinor(fields.MinIntendedInvestment!.Value);
        var clash = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT name FROM deadline_rules WHERE (name = @name OR min_intended_minor = @min) AND id <> @id", new { name, min, id = id ?? 0 }, cancellationToken);
        return clash is null
            ? fields with { Name = name }
            : throw ProblemException.Conflict(ProblemTexts.DeadlineRuleNameAlreadyHasName.With(("name", clash)));
    }

    /// <summary>Adds a rule with checked fields (<see cref="CheckAsync"/>); answers its id.</summary>
    public Task<long> AddAsync(CreateDeadlineRule fields, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("deadline_rules", $"name, min_intended_minor, {SpanColumns}, created_at", $"@name, @min, {SpanValues}, @at"),
            Arguments(fields, ("at", clock.UtcNow)),
            cancellationToken);

    /// <summary>Writes a rule's checked fields if nobody changed it meanwhile (412 otherwise).</summary>
    public Task UpdateAsync(DeadlineRuleResponse current, CreateDeadlineRule fields, CancellationToken cancellationToken) =>
        rows.UpdateAsync(
            "deadline_rules",
            "name = @name, min_intended_minor = @min, answer_count = @answerCount, answer_unit = @answerUnit, assess_count = @assessCount, assess_unit = @assessUnit, report_count = @reportCount, report_unit = @reportUnit",
            current,
            Arguments(fields),
            cancellationToken);

    /// <summary>Removes a rule; false when there was none.</summary>
    public async Task<bool> DeleteAsync(long id, CancellationToken cancellationToken) =>
        await session.ExecuteAsync("DELETE FROM deadline_rules WHERE id = @id", new { id }, cancellationToken) > 0;

    private static Dapper.DynamicParameters Arguments(CreateDeadlineRule fields, params (string Name, object Value)[] more)
    {
        ArgumentNullException.ThrowIfNull(fields);
        var args = new Dapper.DynamicParameters();
        args.Add("name", fields.Name);
        args.Add("min", Money.ToMinor(fields.MinIntendedInvestment!.Value));
        foreach (var (prefix, span) in new[] { ("answer", fields.AnswerWithin?.ToSpan()), ("assess", fields.AssessWithin?.ToSpan()), ("report", fields.ReportEvery?.ToSpan()) })
        {
            args.Add(prefix + "Count", span?.Count);
            args.Add(prefix + "Unit", span is null ? null : Names.Of(span.Unit));
        }

        foreach (var (name, value) in more)
        {
            args.Add(name, value);
        }

        return args;
    }

    public sealed record Row : IHasId
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public long MinIntendedMinor { get; init; }

        public int? AnswerCount { get; init; }

        public string? AnswerUnit { get; init; }

        public int? AssessCount { get; init; }

        public string? AssessUnit { get; init; }

        public int? ReportCount { get; init; }

        public string? ReportUnit { get; init; }

        public int Version { get; init; }

        public DeadlineRuleResponse ToResponse() => new()
        {
            Id = Id,
            Name = Name,
            MinIntendedInvestment = Money.FromMinor(MinIntendedMinor),
            AnswerWithin = Span(AnswerCount, AnswerUnit),
            AssessWithin = Span(AssessCount, AssessUnit),
            ReportEvery = Span(ReportCount, ReportUnit),
            Version = Version,
        };

        public DeadlineRule ToRule() => new(Id, Name, MinIntendedMinor, Span(AnswerCount, AnswerUnit)?.ToSpan(), Span(AssessCount, AssessUnit)?.ToSpan(), Span(ReportCount, ReportUnit)?.ToSpan());

        private static SpanBody? Span(int? count, string? unit) => count is null ? null : new SpanBody(count, unit?.Trim());
    }
}
