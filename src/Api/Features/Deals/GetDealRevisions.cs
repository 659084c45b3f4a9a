using DealPipeline.Api.Features.Common;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// The values a deal was reported with from <c>on</c> until <c>validUntil</c> (null: still): amount
/// (in its currency), owner, team, park, sector and key-project flag. A past as-of report counts a
/// deal with the revision in force on its day.
/// </summary>
public sealed record DealRevision : IHasId
{
    public long Id { get; init; }

    public long DealId { get; init; }

    public DateOnly On { get; init; }

    public DateOnly? ValidUntil { get; init; }

    public decimal IntendedInvestment { get; init; }

    public string Currency { get; init => field = value.Trim(); } = "";

    public long OwnerId { get; init; }

    public long? TeamId { get; init; }

    public long ParkId { get; init; }

    public long SectorId { get; init; }

    public bool IsKeyProject { get; init; }

    public DateTimeOffset At { get; init; }

    /// <summary>The amount as stored (fen, or the currency's hundredths): read from the row, never serialized.</summary>
    internal long IntendedMinor
    {
        init => IntendedInvestment = Money.FromMinor(value);
    }
}

public sealed record GetDealRevisions([FromRoute] long Id, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<DealRevision>>, IPagedRequest;

public sealed class GetDealRevisionsHandler(IdPages pages, DealReader reader) : IRequestHandler<GetDealRevisions, Page<DealRevision>>
{
    public async Task<Page<DealRevision>> Handle(GetDealRevisions request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.Id, cancellationToken);
        return await pages.PageAsync<DealRevision>(request,
            "SELECT id, deal_id, on_date AS \"on\", valid_until, intended_minor, currency, owner_id, team_id, park_id, sector_id, is_key_project, at FROM deal_revisions WHERE deal_id = @dealId",
            new { dealId = request.Id },
            cancellationToken);
    }
}
