using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Health;

/// <summary>A health rule's period: count days, workingDays (on the office's calendar) or months.</summary>
public sealed record PeriodBody(int? Count, string? Unit)
{
    public HealthPeriod ToPeriod() => new(Count ?? 0, Names.TryParse<HealthPeriodUnit>(Unit, out var unit) ? unit : 0);
}

/// <summary>A rule of the office's fulfilment health check (项目体检).</summary>
public sealed record HealthRuleResponse : IHasId, IVersioned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public HealthRuleKind Kind { get; init; }

    public PeriodBody Period { get; init; } = new(null, null);

    /// <summary>For lowFunds and fundsBehindProgress: flagged while funds in place are under this percentage of the contracted (else intended) investment.</summary>
    public int? PercentBelow { get; init; }

    /// <summary>A disabled rule flags nothing.</summary>
    public bool Enabled { get; init; }
}

/// <summary>Adds a rule to the health check. kind: notStarted, noFunds, lowFunds or fundsBehindProgress; enabled defaults to true.</summary>
public sealed record CreateHealthRule(string? Name, string? Kind, PeriodBody? Period, int? PercentBelow = null, bool? Enabled = null)
    : ICommand<HealthRuleResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "kind", "period"];

    // A rule without a percentage: percentBelow is required of the funds rules only (lowFunds, fundsBehindProgress).
    public static object Example => new CreateHealthRule("签约满半年未开工", "notStarted", new PeriodBody(6, "months"), null, true);

    string IAudited.AuditEntity => "healthRule";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;

    /// <summary>The rule these fields make (for its own checks and for evaluation).</summary>
    public HealthRule ToRule(long id = 0) =>
        new(id, Name?.Trim() ?? "", Names.TryParse<HealthRuleKind>(Kind, out var kind) ? kind : 0, Period?.ToPeriod() ?? new HealthPeriod(0, 0), PercentBelow, Enabled ?? true);
}

public sealed class CreateHealthRuleValidator : AbstractValidator<CreateHealthRule>
{
    public CreateHealthRuleValidator()
    {
        RuleFor(x => x.Name).RequiredName(HealthRule.MaxNameLength);
        RuleFor(x => x.Kind).Must(k => Names.TryParse<HealthRuleKind>(k, out _)).WithMessage(RuleTexts.HealthRuleKindUnknown.With());
        RuleFor(x => x.Period).NotNull().WithMessage(RuleTexts.HealthPeriodRange.With(("max", HealthPeriod.MaxCount)));
        RuleFor(x => x.Period).ChildRules(p =>
        {
            p.RuleFor(x => x!.Count).NotNull().WithName("period.count").WithMessage(RuleTexts.HealthPeriodRange.With(("max", HealthPeriod.MaxCount)))
                .InclusiveBetween(1, HealthPeriod.MaxCount).WithName("period.count").WithMessage(RuleTexts.HealthPeriodRange.With(("max", HealthPeriod.MaxCount)));
            p.RuleFor(x => x!.Unit).Must(u => Names.TryParse<HealthPeriodUnit>(u, out _)).WithName("period.unit").WithMessage(RuleTexts.HealthPeriodRange.With(("max", HealthPeriod.MaxCount)));
        }).When(x => x.Period is not null);
        RuleFor(x => x.PercentBelow).InclusiveBetween(1, 100);
    }
}

public sealed class CreateHealthRuleHandler(HealthRuleStore rules) : IRequestHandler<CreateHealthRule, HealthRuleResponse>
{
    public async Task<HealthRuleResponse> Handle(CreateHealthRule request, CancellationToken cancellationToken) =>
        await rules.GetAsync(await rules.AddAsync(await rules.CheckAsync(request, null, cancellationToken), cancellationToken), cancellationToken);
}

public sealed record PatchHealthRule(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<HealthRuleResponse>, IChangesOne
{
    string IAudited.AuditEntity => "healthRule";
}

public sealed class PatchHealthRuleHandler(HealthRuleStore rules, IValidator<CreateHealthRule> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchHealthRule, HealthRuleResponse>
{
    public async Task<HealthRuleResponse> Handle(PatchHealthRule request, CancellationToken cancellationToken)
    {
        var current = await rules.GetAsync(request.Id, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateHealthRule(current.Name, Names.Of(current.Kind), current.Period, current.PercentBelow, current.Enabled),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        await rules.UpdateAsync(current, await rules.CheckAsync(merged, current.Id, cancellationToken), cancellationToken);
        return await rules.GetAsync(current.Id, cancellationToken);
    }
}

public sealed record GetHealthRule(long Id) : IQuery<HealthRuleResponse>;

public sealed record ListHealthRules(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<HealthRuleResponse>>, IPagedRequest;

public sealed class HealthRuleQueries(HealthRuleStore rules, IdPages pages) : IRequestHandler<GetHealthRule, HealthRuleResponse>, IRequestHandler<ListHealthRules, Page<HealthRuleResponse>>
{
    public Task<HealthRuleResponse> Handle(GetHealthRule request, CancellationToken cancellationToken) => rules.GetAsync(request.Id, cancellationToken);

    public async Task<Page<HealthRuleResponse>> Handle(ListHealthRules request, CancellationToken cancellationToken) =>
        (await pages.PageAsync<HealthRuleStore.Row>(request, HealthRuleStore.SelectAll, new { }, cancellationToken)).Select(r => r.ToResponse());
}
