using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Leads;

/// <summary>
/// The body of a conversion: the deal's fields where the lead does not say them or says them otherwise. The deal takes the lead's
/// company, title (as its name), sector, park, amount, currency, officer and team, its source (an event's, a referrer's, or inbound)
/// and opens on the day the lead came in, so that its deadlines keep running from intake.
/// </summary>
public sealed record ConvertLeadBody : IRequestBody
{
    public static IReadOnlyList<string> Required => [];

    public static object Example => new ConvertLeadBody { ParkId = 3, Stage = Domain.Stage.Negotiation, PlannedLandingOn = new DateOnly(2027, 6, 30), IsKeyProject = true };

    public string? Name { get; init; }

    public long? ParkId { get; init; }

    public long? SectorId { get; init; }

    public long? OwnerId { get; init; }

    public long? TeamId { get; init; }

    public decimal? IntendedInvestment { get; init; }

    public string? Currency { get; init; }

    public Stage? Stage { get; init; }

    public bool? IsKeyProject { get; init; }

    public bool? Confidential { get; init; }

    public string? CodeName { get; init; }

    public DateOnly? PlannedLandingOn { get; init; }

    /// <summary>As for a new deal: a manager's reason to open it although another unit holds a claim on the company.</summary>
    public string? ClaimOverride { get; init; }
}

/// <summary>Converts an open lead to a deal, once: the lead keeps its history and names the deal, and its contacts become the deal's activities.</summary>
public sealed record ConvertLead(long Id, ConvertLeadBody Body, IfMatch? ExpectedVersion) : ICommand<DealResponse>, IAudited
{
    string IAudited.AuditEntity => "deal";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

/// <summary>
/// Reads the lead (404, 412), checks who may work on it (403) and that it is open (409 lead.closed); builds the deal and checks it as a
/// new deal is checked (the same 400s, 403s and claim 409s); opens it; copies the lead's contacts to it as activities; and closes the
/// lead as converted, naming the deal. The deal, its activities, the lead and any claim overridden are each audited and in the feed.
/// </summary>
public sealed class ConvertLeadHandler(LeadStore leads, LeadWork work, DealOpener opener, DealReader reader, IEnumerable<IValidator<CreateDeal>> validators, ActivityStore activities, DealRepository deals, IClock clock)
    : IRequestHandler<ConvertLead, DealResponse>
{
    public async Task<DealResponse> Handle(ConvertLead request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var body = request.Body ?? new ConvertLeadBody();
        var lead = await work.ReadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        work.RequireMayWork(lead);
        var closed = lead.ToPosition().Close(LeadStatus.Converted);
        var create = new CreateDeal
        {
            Name = body.Name ?? lead.Title,
            CompanyId = lead.CompanyId,
            ParkId = body.ParkId ?? lead.ParkId,
            SectorId = body.SectorId ?? lead.SectorId,
            OwnerId = body.OwnerId ?? lead.OwnerId,
            TeamId = body.TeamId ?? (body.OwnerId is null ? lead.TeamId : null),
            Source = lead.Source switch { LeadSource.Event => DealSource.Event, LeadSource.Referrer => DealSource.Referral, LeadSource.Other => DealSource.Other, _ => DealSource.Inbound },
            SourceEventId = lead.SourceEventId,
            IntendedInvestment = body.IntendedInvestment ?? lead.IntendedInvestment,
            Currency = body.Currency ?? lead.Currency,
            Stage = body.Stage,
            IsKeyProject = body.IsKeyProject,
            Confidential = body.Confidential,
            CodeName = body.CodeName,
            PlannedLandingOn = body.PlannedLandingOn,
            OpenedOn = lead.ReceivedOn,
            ClaimOverride = body.ClaimOverride,
        };
        var failures = new List<FluentValidation.Results.ValidationFailure>();
        foreach (var validator in validators)
        {
            failures.AddRange((await validator.ValidateAsync(create, cancellationToken)).Errors);
        }

        if (failures.Count > 0)
        {
            throw new ValidationException(failures);
        }

        var deal = await opener.OpenAsync(create, cancellationToken);
        var changed = new List<OtherChange>(deal.AlsoChanged);
        foreach (var contact in await leads.ContactsAsync(lead.Id, cancellationToken))
        {
            var activity = await activities.AddAsync(new AddDealActivity(deal.Id, contact.ActivityType ?? ActivityType.Other, contact.On, contact.Note ?? "", null, null), contact.ByUserId, cancellationToken);
            await deals.TouchAsync(deal.Id, contact.On, cancellationToken);
            changed.Add(new OtherChange("activity", activity.Id, ChangeKinds.Created, null, deal.Id, null, activity));
        }

        await leads.UpdateAsync(lead, closed, new LeadEvent(LeadEventKind.Converted, clock.Today) { DealId = deal.Id }, Escalation.None, cancellationToken);
        var after = await leads.GetAsync(lead.Id, cancellationToken);
        changed.Add(new OtherChange("lead", lead.Id, "converted", after.Version, deal.Id, lead, after));
        return await reader.GetAsync(deal.Id, cancellationToken) with { AlsoChanged = changed };
    }
}
