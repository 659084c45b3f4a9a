namespace DealPipeline.Api.Features.Webhooks;

/// <summary>Subscribes a receiver to events; the answer holds the signing secret, shown only this once.</summary>
public sealed record CreateWebhook(string? Url, IReadOnlyList<string>? Events, string? Description, bool? Paused)
    : ICommand<WebhookWithSecretResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["url", "events"];

    public static object Example => new CreateWebhook("https://bi.example.com/hooks/dealpipeline", ["deal.created", "deal.stageChanged"], "园区驾驶舱", null);

    string IAudited.AuditEntity => "webhook";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateWebhookValidator : AbstractValidator<CreateWebhook>
{
    public const int MaxUrlLength = 2000;

    public const int MaxDescriptionLength = 500;

    public CreateWebhookValidator(WebhookDestinations destinations)
    {
        ArgumentNullException.ThrowIfNull(destinations);
        RuleFor(x => x.Url).NotEmpty().WithMessage(ProblemTexts.UrlRequiredHttpsAddressEventsPOSTed)
            .MaximumLength(MaxUrlLength)
            .Must(url => destinations.RefusalOf(url) is null).WithMessage(x => destinations.RefusalOf(x.Url)!);
        RuleFor(x => x.Events).NotEmpty().WithMessage(ProblemTexts.EventsListsLeastOneValues.With(("values", string.Join(", ", WebhookEventTypes.All))));
        RuleForEach(x => x.Events).Must(e => WebhookEventTypes.All.Contains(e))
            .WithMessage((_, e) => ProblemTexts.ValueNotEventEventsValues.With(("value", e), ("values", string.Join(", ", WebhookEventTypes.All))));
        RuleFor(x => x.Events).Must(e => e is null || e.Distinct(StringComparer.Ordinal).Count() == e.Count).WithMessage(ProblemTexts.EventsNamesEventOnce);
        RuleFor(x => x.Description).MaximumLength(MaxDescriptionLength);
    }
}

public sealed class CreateWebhookHandler(WebhookStore webhooks, WebhookDestinations destinations, IClock clock) : IRequestHandler<CreateWebhook, WebhookWithSecretResponse>
{
    public async Task<WebhookWithSecretResponse> Handle(CreateWebhook request, CancellationToken cancellationToken)
    {
        var url = new Uri(request.Url!.Trim());
        if (await destinations.CheckAsync(url, cancellationToken) is { } refusal)
        {
            throw ProblemException.Invalid("url", refusal);
        }

        var secret = WebhookSignature.NewSecret();
        var at = clock.UtcNow;
        var description = string.IsNullOrWhiteSpace(request.Description) ? null : request.Description.Trim();
        var paused = request.Paused ?? false;
        var id = await webhooks.AddAsync(url, request.Events!, description, paused, secret, at, cancellationToken);
        return new WebhookWithSecretResponse
        {
            Id = id,
            Url = url.AbsoluteUri,
            Events = request.Events!,
            Description = description,
            Paused = paused,
            CreatedAt = at,
            Secret = secret,
        };
    }
}
