using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Letters;

public sealed record CreateLetter(LetterType? Type, DateOnly? SignedOn, string? Counterparty, long? DealId, long? EventId) : ICommand<LetterResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["type", "signedOn", "counterparty"];

    public static object Example => new CreateLetter(LetterType.Intent, new DateOnly(2025, 6, 11), "中山万孚智能医疗科技有限公司", null, 1);

    string IAudited.AuditEntity => "letter";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateLetterValidator : AbstractValidator<CreateLetter>
{
    public CreateLetterValidator(IClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        RuleFor(x => x.Type).NotNull().WithMessage(ProblemTexts.TypeRequiredInitiativeIntentExpertAppointment);
        RuleFor(x => x.SignedOn).NotNull().WithMessage(ProblemTexts.FieldRequiredYYYYMMDD.With(("field", "signedOn"))).BusinessDate().NotInFuture(() => clock.Today);
        RuleFor(x => x.Counterparty).RequiredName();
        RuleFor(x => x.DealId).Id();
        RuleFor(x => x.EventId).Id();
    }
}

public sealed class CreateLetterHandler(LetterStore letters, DealReader reader, DbSession session, DealAccess access, ICurrentUser caller)
    : IRequestHandler<CreateLetter, LetterResponse>
{
    public async Task<LetterResponse> Handle(CreateLetter request, CancellationToken cancellationToken)
    {
        await References.RequireAsync(session, "events", request.EventId, "eventId", "event", cancellationToken);

        if (request.DealId is { } dealId)
        {
            // The same rule as changing the deal: 404 if the caller cannot see it, 403 if they cannot work on it.
            await reader.LoadAsync(dealId, null, cancellationToken);
        }

        return await letters.GetAsync(access, await letters.AddAsync(request, caller.UserId, cancellationToken), cancellationToken);
    }
}
