using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Companies;

/// <summary>The body of a merge: the company that stays, why (for the audit log), and whether only to say what would move.</summary>
public sealed record MergeCompanyBody(long? SurvivorId, string? Reason, bool DryRun = false) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["survivorId"];

    public static object Example => new MergeCompanyBody(2, "同一企业录入两次（撞单）", DryRun: true);
}

/// <summary>What merging one company into another moves (a dry run) or moved: the deals, what goes with them, the chains.</summary>
public sealed record CompanyMerge : IAlsoChanged, IVersioned
{
    long IHasId.Id => MergedId;

    /// <summary>The company merged away: its id now answers 301 (read) or 410 (change) naming the survivor.</summary>
    public long MergedId { get; init; }

    public long SurvivorId { get; init; }

    /// <summary>True when nothing was written: the same request without dryRun moves exactly this, unless the data changes meanwhile.</summary>
    public bool DryRun { get; init; }

    /// <summary>The merged company's live deals, which become the survivor's (each deal's version moves on).</summary>
    public IReadOnlyList<long> DealIds { get; init; } = [];

    /// <summary>The live deals the merged company referred (referrerCompanyId), now referred by the survivor.</summary>
    public IReadOnlyList<long> ReferredDealIds { get; init; } = [];

    /// <summary>The activities of those deals, which go with them.</summary>
    public long Activities { get; init; }

    /// <summary>The letters of those deals, which go with them.</summary>
    public long Letters { get; init; }

    /// <summary>The chains the merged company led (链主), now led by the survivor.</summary>
    public IReadOnlyList<long> LedChainIds { get; init; } = [];

    /// <summary>The chain links the merged company was attached to, now the survivor's.</summary>
    public IReadOnlyList<long> ChainLinkIds { get; init; } = [];

    /// <summary>The claims on the merged company (首报首谈, any state), now on the survivor.</summary>
    public IReadOnlyList<long> ClaimIds { get; init; } = [];

    /// <summary>The survivor's credit code after the merge: its own, or the merged company's when it had none.</summary>
    public string? CreditCode { get; init; }

    /// <summary>The merged company's version after the merge (for the change feed).</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    public IReadOnlyList<OtherChange> AlsoChanged { get; init; } = [];
}

/// <summary>What a merge would move, writing nothing.</summary>
public sealed record PreviewCompanyMerge(long Id, long? SurvivorId) : IQuery<CompanyMerge>;

/// <summary>Merges company <see cref="Id"/> into <see cref="SurvivorId"/>: audited as the merged company, each moved deal as a change of its own.</summary>
public sealed record MergeCompany(long Id, long? SurvivorId, string? Reason) : ICommand<CompanyMerge>, IChangesOne
{
    string IAudited.AuditEntity => "company";

    string IAudited.ChangeKind => "merged";
}

public sealed class PreviewCompanyMergeValidator : AbstractValidator<PreviewCompanyMerge>
{
    public PreviewCompanyMergeValidator()
    {
        RuleFor(x => x.SurvivorId).Survivor(x => x.Id);
    }
}

public sealed class MergeCompanyValidator : AbstractValidator<MergeCompany>
{
    public MergeCompanyValidator()
    {
        RuleFor(x => x.SurvivorId).Survivor(x => x.Id);
        RuleFor(x => x.Reason).RequiredName(Deal.MaxReasonLength);
    }
}

internal static class MergeRules
{
    public static IRuleBuilderOptions<T, long?> Survivor<T>(this IRuleBuilder<T, long?> rule, Func<T, long> merged) =>
        rule.NotNull().WithMessage(ProblemTexts.FieldRequired).Id()
            .Must((request, survivor) => survivor != merged(request)).WithMessage(ProblemTexts.CompanyCannotMergeIntoItself);
}

public sealed class CompanyMergeHandlers(CompanyMerges merges) : IRequestHandler<PreviewCompanyMerge, CompanyMerge>, IRequestHandler<MergeCompany, CompanyMerge>
{
    public async Task<CompanyMerge> Handle(PreviewCompanyMerge request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (merged, survivor) = await merges.CheckAsync(request.Id, request.SurvivorId!.Value, cancellationToken);
        return await merges.PlanAsync(merged, survivor, cancellationToken);
    }

    public async Task<CompanyMerge> Handle(MergeCompany request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (merged, survivor) = await merges.CheckAsync(request.Id, request.SurvivorId!.Value, cancellationToken);
        var plan = await merges.PlanAsync(merged, survivor, cancellationToken);
        return await merges.MergeAsync(merged, survivor, plan, cancellationToken);
    }
}
