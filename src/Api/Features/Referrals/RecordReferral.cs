using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Referrals;

/// <summary>The body of a referral: who introduced the deal, the scheme of their reward, and when and how the parties confirmed it.</summary>
public sealed record ReferralBody(long? ReferrerId, long? SchemeId, DateOnly? ConfirmedOn, string? Confirmation) : IRequestBody
{
    public static IReadOnlyList<string> Required => ["referrerId", "schemeId", "confirmedOn", "confirmation"];

    public static object Example => new ReferralBody(1, 1, new DateOnly(2026, 3, 20), "企业、引荐人与园区三方签署引荐确认书");
}

/// <summary>Records a deal's one referrer, confirmed by the parties.</summary>
public sealed record RecordReferral(long DealId, long? ReferrerId, long? SchemeId, DateOnly? ConfirmedOn, string? Confirmation) : ICommand<ReferralResponse>, IAudited
{
    string IAudited.AuditEntity => "referral";

    string? IAudited.AuditId => DealId.ToString(CultureInfo.InvariantCulture);

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class RecordReferralValidator : AbstractValidator<RecordReferral>
{
    public RecordReferralValidator()
    {
        RuleFor(x => x.ReferrerId).NotNull().WithMessage(ProblemTexts.FieldRequired).Id();
        RuleFor(x => x.SchemeId).NotNull().WithMessage(ProblemTexts.FieldRequired).Id();
        RuleFor(x => x.ConfirmedOn).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "confirmedOn"))).BusinessDate();
        RuleFor(x => x.Confirmation).RequiredName(Deal.MaxReasonLength);
    }
}

/// <summary>
/// The deal is one the caller may change (404, 403); the referrer and scheme exist (400 on the field); a deal with a referral
/// already is a 409 (referral.exists): one referrer per deal; the referrer was registered on or before the deal opened and the
/// confirmation is dated between then and today (400).
/// </summary>
public sealed class RecordReferralHandler(ReferralStore referrals, DealReader deals, DbSession session, IClock clock) : IRequestHandler<RecordReferral, ReferralResponse>
{
    public async Task<ReferralResponse> Handle(RecordReferral request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var deal = await deals.LoadAsync(request.DealId, null, cancellationToken);
        await References.RequireAsync(session, "referrers", request.ReferrerId, "referrerId", "referrer", cancellationToken);
        await References.RequireAsync(session, "reward_schemes", request.SchemeId, "schemeId", "reward scheme", cancellationToken);
        if (await referrals.HasReferralAsync(request.DealId, cancellationToken))
        {
            throw new ProblemException(StatusCodes.Status409Conflict, ProblemTexts.Conflict, ProblemTexts.DealHasReferrerAlready.With(("id", request.DealId)))
            {
                Code = "referral.exists",
            };
        }

        var referrer = await referrals.GetReferrerAsync(request.ReferrerId!.Value, cancellationToken);
        Referral.Check(referrer.RegisteredOn, deal.OpenedOn, request.ConfirmedOn!.Value, clock.Today);

        await referrals.AddReferralAsync(request.DealId, request, cancellationToken);
        return await referrals.GetReferralAsync(request.DealId, cancellationToken);
    }
}

/// <summary>A deal's referral with the reward due today, for a caller who may see the deal.</summary>
public sealed record GetReferral(long DealId) : IQuery<ReferralResponse>;

public sealed class GetReferralHandler(ReferralStore referrals, DealReader deals) : IRequestHandler<GetReferral, ReferralResponse>
{
    public async Task<ReferralResponse> Handle(GetReferral request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await deals.GetAsync(request.DealId, cancellationToken);
        return await referrals.GetReferralAsync(request.DealId, cancellationToken);
    }
}
