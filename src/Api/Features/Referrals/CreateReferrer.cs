namespace DealPipeline.Api.Features.Referrals;

/// <summary>Registers a referrer (引荐人): a person or an organisation, before they introduce a project.</summary>
public sealed record CreateReferrer(ReferrerKind? Kind, string? Name, long? CompanyId = null, string? Contact = null, DateOnly? RegisteredOn = null)
    : ICommand<ReferrerResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["kind", "name"];

    public static object Example => new CreateReferrer(ReferrerKind.Organisation, "浙江省生物医药行业协会", null, "秘书处 0571-8888 0000", new DateOnly(2026, 1, 5));

    string IAudited.AuditEntity => "referrer";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateReferrerValidator : AbstractValidator<CreateReferrer>
{
    public CreateReferrerValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Kind).NotNull().WithMessage(ProblemTexts.FieldRequired);
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.CompanyId).Id();
        RuleFor(x => x.Contact).MaximumLength(Validation.MaxNameLength);
        RuleFor(x => x.RegisteredOn).BusinessDate().NotInFuture(() => clock.Today);
    }
}

public sealed class CreateReferrerHandler(ReferralStore referrals, DbSession session) : IRequestHandler<CreateReferrer, ReferrerResponse>
{
    public async Task<ReferrerResponse> Handle(CreateReferrer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (request.CompanyId is { } company && await References.CompanyRefusalAsync(session, company, cancellationToken) is { } refusal)
        {
            throw ProblemException.Invalid("companyId", refusal);
        }

        return await referrals.GetReferrerAsync(await referrals.AddReferrerAsync(request, cancellationToken), cancellationToken);
    }
}
