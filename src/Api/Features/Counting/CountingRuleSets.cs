using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Counting;

/// <summary>An office's counting rules (认定): what counts as an attracted project (引进成功) toward its figures.</summary>
public sealed record CountingRulesResponse : IHasId, IVersioned
{
    public long Id { get; init; }

    public string Name { get; init; } = "";

    /// <summary>The least investment counted (contracted, else intended), in CNY.</summary>
    public decimal MinInvestment { get; init; }

    /// <summary>Sectors left out, with every sector below them (real estate, catering …).</summary>
    public IReadOnlyList<long> ExcludedSectorIds { get; init; } = [];

    /// <summary>Continuations of earlier deals left out (priorKind): resigning, secondPhase, relocation, upgrade, capitalIncrease.</summary>
    public IReadOnlyList<string> ExcludedPriorKinds { get; init; } = [];

    /// <summary>What 引进成功 needs: contract, registration, fundsInPlace, constructionStarted, ledger.</summary>
    public IReadOnlyList<string> Requires { get; init; } = [];

    /// <summary>The months after signing within which the last requirement is met.</summary>
    public int WindowMonths { get; init; }

    public bool Enabled { get; init; }

    /// <summary>Moves on with each correction: a counted figure names the version that counted it.</summary>
    public int Version { get; init; }

    public CountingRules ToRules() =>
        new(
            Id,
            Name,
            Version,
            Money.ToMinor(MinInvestment),
            ExcludedSectorIds,
            [.. ExcludedPriorKinds.Select(k => QueryValues.Enum(k, PriorKind.Resigning, "excludedPriorKinds"))],
            [.. Requires.Select(r => QueryValues.Enum(r, CountingRequirement.Contract, "requires"))],
            WindowMonths,
            Enabled);
}

/// <summary>Adds a rule set. enabled defaults to true; the lists to none but requires, which needs contract.</summary>
public sealed record CreateCountingRules(
    string? Name, decimal? MinInvestment, IReadOnlyList<string>? Requires, int? WindowMonths, IReadOnlyList<long>? ExcludedSectorIds = null, IReadOnlyList<string>? ExcludedPriorKinds = null, bool? Enabled = null)
    : ICommand<CountingRulesResponse>, IAudited, IRequestBody
{
    static IReadOnlyList<string> IRequestBody.Required => ["name", "minInvestment", "requires", "windowMonths"];

    public static object Example => new CreateCountingRules(
        "省级认定口径", 100_000_000m, ["contract", "registration", "fundsInPlace", "constructionStarted", "ledger"], 24, [], ["resigning", "secondPhase", "relocation"], true);

    string IAudited.AuditEntity => "countingRules";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;

    public CountingRules ToRules(long id = 0, int version = 1) => new(
        id,
        Name?.Trim() ?? "",
        version,
        Money.ToMinor(MinInvestment ?? 0),
        [.. (ExcludedSectorIds ?? []).Distinct()],
        [.. (ExcludedPriorKinds ?? []).Select(k => QueryValues.Enum(k, PriorKind.Resigning, "excludedPriorKinds")).Distinct()],
        [.. (Requires ?? []).Select(r => QueryValues.Enum(r, CountingRequirement.Contract, "requires")).Distinct()],
        WindowMonths ?? 0,
        Enabled ?? true);
}

public sealed class CreateCountingRulesValidator : AbstractValidator<CreateCountingRules>
{
    public CreateCountingRulesValidator()
    {
        RuleFor(x => x.Name).RequiredName(CountingRules.MaxNameLength);
        RuleFor(x => x.MinInvestment).NotNull().WithMessage(ProblemTexts.FieldRequired).Amount();
        RuleFor(x => x.Requires).NotEmpty().WithMessage(RuleTexts.CountingNeedsContract.With());
        RuleForEach(x => x.Requires).Must(r => Names.TryParse<CountingRequirement>(r, out _)).WithMessage(RuleTexts.CountingNeedsContract.With());
        RuleForEach(x => x.ExcludedPriorKinds).Must(k => Names.TryParse<PriorKind>(k, out _))
            .WithMessage(ProblemTexts.FieldOneValues.With(("field", "excludedPriorKinds"), ("values", string.Join(", ", Enum.GetValues<PriorKind>().Select(Names.Of)))));
        RuleFor(x => x.WindowMonths).NotNull().WithMessage(RuleTexts.CountingWindowRange.With(("max", CountingRules.MaxWindowMonths)));
        RuleFor(x => x.ExcludedSectorIds).Must(s => s is null || s.Count <= 100).WithMessage(ProblemTexts.FieldTooLong.With(("field", "excludedSectorIds"), ("max", 100), ("length", 0)));
    }
}

public sealed class CreateCountingRulesHandler(CountingRuleStore rules) : IRequestHandler<CreateCountingRules, CountingRulesResponse>
{
    public async Task<CountingRulesResponse> Handle(CreateCountingRules request, CancellationToken cancellationToken) =>
        await rules.GetAsync(await rules.AddAsync(await rules.CheckAsync(request.ToRules(), cancellationToken), cancellationToken), cancellationToken);
}

public sealed record PatchCountingRules(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<CountingRulesResponse>, IChangesOne
{
    string IAudited.AuditEntity => "countingRules";
}

public sealed class PatchCountingRulesHandler(CountingRuleStore rules, IValidator<CreateCountingRules> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchCountingRules, CountingRulesResponse>
{
    public async Task<CountingRulesResponse> Handle(PatchCountingRules request, CancellationToken cancellationToken)
    {
        var current = await rules.GetAsync(request.Id, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateCountingRules(
                current.Name, current.MinInvestment, current.Requires, current.WindowMonths, current.ExcludedSectorIds, current.ExcludedPriorKinds, current.Enabled),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        await rules.UpdateAsync(current, await rules.CheckAsync(merged.ToRules(current.Id, current.Version), cancellationToken), cancellationToken);
        return await rules.GetAsync(current.Id, cancellationToken);
    }
}

public sealed record GetCountingRules(long Id) : IQuery<CountingRulesResponse>;

public sealed record ListCountingRules(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<CountingRulesResponse>>, IPagedRequest;

public sealed class CountingRuleQueries(CountingRuleStore rules, IdPages pages)
    : IRequestHandler<GetCountingRules, CountingRulesResponse>, IRequestHandler<ListCountingRules, Page<CountingRulesResponse>>
{
    public Task<CountingRulesResponse> Handle(GetCountingRules request, CancellationToken cancellationToken) => rules.GetAsync(request.Id, cancellationToken);

    public async Task<Page<CountingRulesResponse>> Handle(ListCountingRules request, CancellationToken cancellationToken) =>
        (await pages.PageAsync<CountingRuleStore.Row>(request, CountingRuleStore.SelectAll, new { }, cancellationToken)).Select(r => r.ToResponse());
}
