namespace DealPipeline.Api.Features.Webhooks;

public sealed record RotateBody(int? OverlapHours) : IRequestBody
{
    public static IReadOnlyList<string> Required => [];

    public static object Example => new RotateBody(24);
}

/// <summary>
/// Makes a new signing secret (answered once). For <c>overlapHours</c> (24 unless given, 0 to end
/// the old one now) the previous secret signs as well, so a receiver can switch without missing a
/// message: each message then carries two signatures.
/// </summary>
public sealed record RotateWebhookSecret(long Id, int? OverlapHours) : ICommand<WebhookWithSecretResponse>, IChangesOne
{
    public const int DefaultOverlapHours = 24;

    public const int MaxOverlapHours = 168;

    string IAudited.AuditEntity => "webhook";
}

public sealed class RotateWebhookSecretValidator : AbstractValidator<RotateWebhookSecret>
{
    public RotateWebhookSecretValidator()
    {
        RuleFor(x => x.OverlapHours).InclusiveBetween(0, RotateWebhookSecret.MaxOverlapHours)
            .WithMessage(ProblemTexts.FieldBetweenMinMax.With(("field", "overlapHours"), ("min", "0"), ("max", RotateWebhookSecret.MaxOverlapHours)));
    }
}

public sealed class RotateWebhookSecretHandler(WebhookStore webhooks, IClock clock) : IRequestHandler<RotateWebhookSecret, WebhookWithSecretResponse>
{
    public async Task<WebhookWithSecretResponse> Handle(RotateWebhookSecret request, CancellationToken cancellationToken)
    {
        var row = await webhooks.GetAsync(request.Id, cancellationToken);
        var now = clock.UtcNow;
        var secret = WebhookSignature.NewSecret();
        var until = now.AddHours(request.OverlapHours ?? RotateWebhookSecret.DefaultOverlapHours);
        await webhooks.RotateSecretAsync(row, secret, until, cancellationToken);

        var response = row.ToResponse(now);
        return new WebhookWithSecretResponse
        {
            Id = response.Id,
            Url = response.Url,
            Events = response.Events,
            Description = response.Description,
            Paused = response.Paused,
            PreviousSecretExpiresAt = until > now ? until : null,
            CreatedAt = response.CreatedAt,
            Version = response.Version + 1,
            Secret = secret,
        };
    }
}
