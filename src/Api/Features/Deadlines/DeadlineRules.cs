using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Deadlines;

/// <summary>A span of a deadline rule: count working days (workingDays) or calendar days (days).</summary>
public sealed record SpanBody(int? Count, string? Unit)
{
    public DeadlineSpan? ToSpan() => Count is { } count && Names.TryParse<DeadlineUnit>(Unit, out var unit) ? new DeadlineSpan(count, unit) : null;

    public static SpanBody? Of(DeadlineSpan? span) => span is null ? null : new SpanBody(span.Count, Names.Of(span.Unit));
}

/// <summary>The deadlines (服务时限) of leads whose intended investment (in CNY) is at least minIntendedInvestment.</summary>
public sealed record DeadlineRuleResponse : IHasId, IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>The class of lead: intended investment, converted to CNY, of at least this.</summary>
    public decimal MinIntendedInvestment { get; init; }

    /// <summary>First contact (any activity) within this span of the opening; null: no such deadline.</summary>
    public SpanBody? AnswerWithin { get; init; }

    /// <summary>Assessed (past contact, on hold or lost) within this span of the opening; null: no such deadline.</summary>
    public SpanBody? AssessWithin { get; init; }

    /// <summary>An activity at least this often while the deal is active and not landed; null: no such deadline.</summary>
    public SpanBody? ReportEvery { get; init; }
}

public sealed record CreateDeadlineRule(string? Name, decimal? MinIntendedInvestment, SpanBody? AnswerWithin = null, SpanBody? AssessWithin = null, SpanBody? ReportEvery = null)
    : ICommand<DeadlineRuleResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "minIntendedInvestment"];

    public static object Example => new CreateDeadlineRule("亿元以上项目", 100_000_000m, new SpanBody(1, "workingDays"), new SpanBody(3, "workingDays"), new SpanBody(14, "days"));

    string IAudited.AuditEntity => "deadlineRule";

    string? IAudited.AuditId => null;
}

public sealed class CreateDeadlineRuleValidator : AbstractValidator<CreateDeadlineRule>
{
    public CreateDeadlineRuleValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.MinIntendedInvestment).NotNull().WithMessage("'minIntendedInvestment' is required: the class of lead, intended investment in CNY of at least this (0 for every lead).").Amount();
        Span(x => x.AnswerWithin, "answerWithin");
        Span(x => x.AssessWithin, "assessWithin");
        Span(x => x.ReportEvery, "reportEvery");
        RuleFor(x => x).Must(r => r.AnswerWithin is not null || r.AssessWithin is not null || r.ReportEvery is not null).WithName("answerWithin")
            .WithMessage("A rule sets at least one deadline: answerWithin, assessWithin or reportEvery.");
    }

    private void Span(System.Linq.Expressions.Expression<Func<CreateDeadlineRule, SpanBody?>> span, string field)
    {
        RuleFor(span).ChildRules(s =>
        {
            s.RuleFor(x => x!.Count).NotNull().WithName($"{field}.count").WithMessage($"'{field}.count' is required: a whole number of days.")
                .InclusiveBetween(1, DeadlineSpan.MaxCount).WithName($"{field}.count").WithMessage($"'{field}.count' is from 1 to {DeadlineSpan.MaxCount}.");
            s.RuleFor(x => x!.Unit).Must(u => Names.TryParse<DeadlineUnit>(u, out _)).WithName($"{field}.unit")
                .WithMessage($"'{field}.unit' is required: workingDays (on the office's calendar) or days.");
        }).When(r => span.Compile()(r) is not null);
    }
}

public sealed class CreateDeadlineRuleHandler(DbSession session, IClock clock) : IRequestHandler<CreateDeadlineRule, DeadlineRuleResponse>
{
    public async Task<DeadlineRuleResponse> Handle(CreateDeadlineRule request, CancellationToken cancellationToken)
    {
        var fields = await DeadlineRuleQueries.CheckAsync(session, request, null, cancellationToken);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "deadline_rules",
                $"name, min_intended_minor, {DeadlineRuleQueries.SpanColumns}, created_at",
                $"@name, @min, {DeadlineRuleQueries.SpanValues}, @at"),
            DeadlineRuleQueries.Arguments(fields, ("at", clock.UtcNow)),
            cancellationToken);
        return await DeadlineRuleQueries.GetAsync(session, id, cancellationToken);
    }
}

public sealed record ListDeadlineRules(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<DeadlineRuleResponse>>, IPagedRequest;

public sealed class ListDeadlineRulesHandler(DbSession session, Cursors cursors) : IRequestHandler<ListDeadlineRules, Page<DeadlineRuleResponse>>
{
    public async Task<Page<DeadlineRuleResponse>> Handle(ListDeadlineRules request, CancellationToken cancellationToken)
    {
        var page = await ListById.PageAsync<DeadlineRuleQueries.Row>(session, cursors, request, $"SELECT {DeadlineRuleQueries.Columns} FROM deadline_rules WHERE 1 = 1", new { }, cancellationToken);
        return page.Select(r => r.ToResponse());
    }
}

public sealed record GetDeadlineRule(long Id) : IQuery<DeadlineRuleResponse>;

public sealed class GetDeadlineRuleHandler(DbSession session) : IRequestHandler<GetDeadlineRule, DeadlineRuleResponse>
{
    public Task<DeadlineRuleResponse> Handle(GetDeadlineRule request, CancellationToken cancellationToken) => DeadlineRuleQueries.GetAsync(session, request.Id, cancellationToken);
}

public sealed record PatchDeadlineRule(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<DeadlineRuleResponse>, IAudited
{
    string IAudited.AuditEntity => "deadlineRule";

    string? IAudited.AuditId => Id.ToString(CultureInfo.InvariantCulture);
}

public sealed class PatchDeadlineRuleHandler(DbSession session, IValidator<CreateDeadlineRule> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchDeadlineRule, DeadlineRuleResponse>
{
    public async Task<DeadlineRuleResponse> Handle(PatchDeadlineRule request, CancellationToken cancellationToken)
    {
        var current = await DeadlineRuleQueries.GetAsync(session, request.Id, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateDeadlineRule(current.Name, current.MinIntendedInvestment, current.AnswerWithin, current.AssessWithin, current.ReportEvery),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var fields = await DeadlineRuleQueries.CheckAsync(session, merged, current.Id, cancellationToken);
        await ReferenceData.UpdateAsync(
            session,
            "deadline_rules",
            "name = @name, min_intended_minor = @min, answer_count = @answerCount, answer_unit = @answerUnit, assess_count = @assessCount, assess_unit = @assessUnit, report_count = @reportCount, report_unit = @reportUnit",
            current,
            DeadlineRuleQueries.Arguments(fields),
            cancellationToken);
        return await DeadlineRuleQueries.GetAsync(session, current.Id, cancellationToken);
    }
}

public sealed record DeleteDeadlineRule(long Id) : ICommand<Unit>, IAudited
{
    string IAudited.AuditEntity => "deadlineRule";

    string? IAudited.AuditId => Id.ToString(CultureInfo.InvariantCulture);
}

public sealed class DeleteDeadlineRuleHandler(DbSession session) : IRequestHandler<DeleteDeadlineRule, Unit>
{
    public async Task<Unit> Handle(DeleteDeadlineRule request, CancellationToken cancellationToken)
    {
        if (await session.ExecuteAsync("DELETE FROM deadline_rules WHERE id = @Id", request, cancellationToken) == 0)
        {
            throw ProblemException.NotFound("deadline rule", request.Id);
        }

        return Unit.Value;
    }
}

/// <summary>The deadline_rules table as the API and the deadline source read it.</summary>
public static class DeadlineRuleQueries
{
    public const string Columns = "id, name, min_intended_minor, answer_count, answer_unit, assess_count, assess_unit, report_count, report_unit, version";
    public const string SpanColumns = "answer_count, answer_unit, assess_count, assess_unit, report_count, report_unit";
    public const string SpanValues = "@answerCount, @answerUnit, @assessCount, @assessUnit, @reportCount, @reportUnit";

    public static async Task<DeadlineRuleResponse> GetAsync(DbSession session, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        var row = await session.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM deadline_rules WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("deadline rule", id);
        return row.ToResponse();
    }

    public static async Task<IReadOnlyList<DeadlineRule>> AllAsync(DbSession session, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return [.. (await session.QueryAsync<Row>($"SELECT {Columns} FROM deadline_rules", null, cancellationToken)).Select(r => r.ToRule())];
    }

    /// <summary>The fields trimmed, once neither the name nor the threshold is another rule's (409: a lead must fall in one class only).</summary>
    public static async Task<CreateDeadlineRule> CheckAsync(DbSession session, CreateDeadlineRule fields, long? id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(fields);
        var name = fields.Name!.Trim();
        var min = Money.ToMinor(fields.MinIntendedInvestment!.Value);
        var clash = await session.QuerySingleOrDefaultAsync<string>(
            "SELECT name FROM deadline_rules WHERE (name = @name OR min_intended_minor = @min) AND id <> @id", new { name, min, id = id ?? 0 }, cancellationToken);
        return clash is null
            ? fields with { Name = name }
            : throw ProblemException.Conflict($"The deadline rule '{clash}' already has this name or this minIntendedInvestment: each lead falls in one class.");
    }

    public static Dapper.DynamicParameters Arguments(CreateDeadlineRule fields, params (string Name, object Value)[] more)
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
