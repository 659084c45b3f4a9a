namespace DealPipeline.Api.Features.Referrals;

/// <summary>Adds a reward scheme: tiered or marginal bands of the fixed-asset investment in place (CNY), each with its rate in ‰, and an optional cap.</summary>
public sealed record CreateRewardScheme(string? Name, RewardMethod? Method, IReadOnlyList<RewardBandBody>? Bands, decimal? Cap = null)
    : ICommand<RewardSchemeResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "method", "bands"];

    public static object Example => new CreateRewardScheme(
        "引荐奖励（累进）",
        RewardMethod.Marginal,
        [new(0m, 100_000_000m, 3m), new(100_000_000m, 500_000_000m, 4m), new(500_000_000m, null, 5m)],
        1_000_000m);

    string IAudited.AuditEntity => "rewardScheme";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateRewardSchemeValidator : AbstractValidator<CreateRewardScheme>
{
    public CreateRewardSchemeValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Method).NotNull().WithMessage(ProblemTexts.FieldRequired);
        RuleFor(x => x.Bands).NotNull().WithMessage(ProblemTexts.FieldRequired);
        RuleForEach(x => x.Bands).ChildRules(band =>
        {
            band.RuleFor(b => b.From).NotNull().WithMessage(ProblemTexts.FieldRequired).Amount();
            band.RuleFor(b => b.To).Amount();
            band.RuleFor(b => b.RatePermille).NotNull().WithMessage(ProblemTexts.FieldRequired)
                .Must(r => r is null || (r >= 0 && r * 100 == decimal.Truncate(r.Value * 100))).WithMessage(ProblemTexts.RatePermilleTwoDecimals);
        });
        RuleFor(x => x.Cap).Must(c => c is null || c >= 0).WithMessage(ProblemTexts.CapNotNegative).Amount();
    }
}

/// <summary>The bands and cap in fen and hundredths of a per mille, checked by the domain (gaps, overlaps, the open last band: 400 on bands).</summary>
public sealed class CreateRewardSchemeHandler(ReferralStore referrals) : IRequestHandler<CreateRewardScheme, RewardSchemeResponse>
{
    public async Task<RewardSchemeResponse> Handle(CreateRewardScheme request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scheme = RewardScheme.Create(
            request.Method!.Value,
            [.. request.Bands!.Select(b => b.ToBand())],
            request.Cap is { } cap ? Money.ToMinor(cap) : null);
        var id = await referrals.AddSchemeAsync(request.Name!.Trim(), scheme, cancellationToken);
        return (await referrals.GetSchemeAsync(id, cancellationToken)).ToResponse();
    }
}
