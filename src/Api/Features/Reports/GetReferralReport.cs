using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Referrals;

namespace DealPipeline.Api.Features.Reports;

/// <summary>What each referrer brought and the reward due, as of a day (default today, China Standard Time).</summary>
public sealed record GetReferralReport(string? AsOf = null) : IQuery<ReferralReport>
{
    public DateOnly? AsOfDay => QueryValues.Date(AsOf, "asOf");
}

public sealed class GetReferralReportValidator : AbstractValidator<GetReferralReport>
{
    public GetReferralReportValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.AsOf).Day();
        RuleFor(x => x.AsOf).Must(a => QueryValues.Date(a, "asOf") is not { } day || day <= clock.Today)
            .When(x => DateOnly.TryParseExact(x.AsOf, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
            .WithMessage(ProblemTexts.FieldCannotFutureDatesChinaStandard.With(("field", "asOf")));
    }
}

/// <summary>
/// Every referrer in id order, with the live deals they referred that the caller may see (deal id order): each deal's funds in
/// place up to asOf in CNY (each amount at the rate in force on its day) and the reward its scheme gives on that basis, exact to
/// the fen; a referrer's figures are the sums of their deals', the totals the sums of the referrers'.
/// </summary>
public sealed class GetReferralReportHandler(ReferralStore referrals, DbSession session, DealAccess access, IClock clock) : IRequestHandler<GetReferralReport, ReferralReport>
{
    public async Task<ReferralReport> Handle(GetReferralReport request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var asOf = request.AsOfDay ?? clock.Today;
        var args = new Dapper.DynamicParameters();
        var referred = (await referrals.ReferralsAsync(access.VisibleSql(args), args, cancellationToken)).ToLookup(r => r.ReferrerId);
        var schemes = new Dictionary<long, RewardScheme>();
        var items = new List<ReferrerRewards>();
        foreach (var referrer in await session.QueryAsync<ReferrerResponse>($"SELECT {ReferralStore.ReferrerColumns} FROM referrers ORDER BY id", null, cancellationToken))
        {
            var deals = new List<(ReferredDeal Deal, long Basis, long Reward)>();
            foreach (var referral in referred[referrer.Id])
            {
                if (!schemes.TryGetValue(referral.SchemeId, out var scheme))
                {
                    schemes[referral.SchemeId] = scheme = (await referrals.GetSchemeAsync(referral.SchemeId, cancellationToken)).ToScheme();
                }

                var basis = await referrals.FundsInPlaceAsync(referral.DealId, asOf, cancellationToken);
                var reward = scheme.RewardOf(basis);
                deals.Add((new ReferredDeal(referral.DealId, referral.Name, referral.SchemeId, Money.FromMinor(basis), Money.FromMinor(reward)), basis, reward));
            }

            items.Add(new ReferrerRewards(
                referrer.Id, referrer.Name, referrer.Kind, [.. deals.Select(d => d.Deal)], Money.FromMinor(deals.Sum(d => d.Basis)), Money.FromMinor(deals.Sum(d => d.Reward))));
        }

        return new ReferralReport(asOf, items, items.Sum(i => i.FundsInPlace), items.Sum(i => i.Reward));
    }
}
