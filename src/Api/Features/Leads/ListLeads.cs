using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Leads;

public sealed record GetLead(long Id) : IQuery<LeadResponse>;

public sealed class GetLeadHandler(LeadStore leads) : IRequestHandler<GetLead, LeadResponse>
{
    public Task<LeadResponse> Handle(GetLead request, CancellationToken cancellationToken) => leads.GetAsync(request.Id, cancellationToken);
}

/// <summary>The leads in id order, filtered by state, source, company, team, officer, whether flagged, and the days received.</summary>
public sealed record ListLeads(
    string? State = null,
    string? Source = null,
    long? CompanyId = null,
    long? TeamId = null,
    long? OwnerId = null,
    bool? Flagged = null,
    string? ReceivedFrom = null,
    string? ReceivedTo = null,
    int Limit = Cursor.DefaultLimit,
    string? Cursor = null) : IQuery<Page<LeadResponse>>, IPagedRequest
{
    public DateOnly? FromDay => QueryValues.Date(ReceivedFrom, "receivedFrom");

    public DateOnly? ToDay => QueryValues.Date(ReceivedTo, "receivedTo");
}

public sealed class ListLeadsValidator : AbstractValidator<ListLeads>
{
    public ListLeadsValidator()
    {
        RuleFor(x => x.State).OneOf<ListLeads, LeadState>();
        RuleFor(x => x.Source).OneOf<ListLeads, LeadSource>();
        RuleFor(x => x.CompanyId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.OwnerId).Id();
        RuleFor(x => x.ReceivedFrom).Day();
        RuleFor(x => x.ReceivedTo).Day();
    }
}

public sealed class ListLeadsHandler(IdPages pages, LeadStore leads) : IRequestHandler<ListLeads, Page<LeadResponse>>
{
    public async Task<Page<LeadResponse>> Handle(ListLeads request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var state = request.State is { } s && Names.TryParse<LeadState>(s, out var parsed) ? parsed : (LeadState?)null;
        var where = new SqlWhere()
            .When(state is LeadState.Pool, "status = @pool AND team_id IS NULL")
            .When(state is LeadState.Queued, "status = @pool AND team_id IS NOT NULL")
            .When(state is LeadState.Assigned, "status = @assigned")
            .When(state is LeadState.Converted, "status = @converted")
            .When(state is LeadState.Dropped, "status = @dropped")
            .When(request.Source is not null, "source = @source")
            .When(request.CompanyId is not null, "company_id = @CompanyId")
            .When(request.TeamId is not null, "team_id = @TeamId")
            .When(request.OwnerId is not null, "owner_id = @OwnerId")
            .When(request.Flagged is true, "escalation = @flagged")
            .When(request.Flagged is false, "escalation <> @flagged")
            .When(request.FromDay is not null, "received_on >= @from")
            .When(request.ToDay is not null, "received_on <= @to");
        var page = await pages.PageAsync<LeadResponse>(
            request,
            $"SELECT {LeadStore.Columns} FROM leads WHERE {where}",
            new
            {
                pool = (int)LeadStatus.Pool,
                assigned = (int)LeadStatus.Assigned,
                converted = (int)LeadStatus.Converted,
                dropped = (int)LeadStatus.Dropped,
                source = request.Source is { } src && Names.TryParse<LeadSource>(src, out var source) ? (int)source : 0,
                request.CompanyId,
                request.TeamId,
                request.OwnerId,
                flagged = (int)Escalation.Flagged,
                from = request.FromDay,
                to = request.ToDay,
            },
            cancellationToken);
        return page with { Items = await leads.CompleteAsync(page.Items, cancellationToken) };
    }
}
