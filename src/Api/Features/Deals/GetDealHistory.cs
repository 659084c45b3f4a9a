using DealPipeline.Api.Features.Common;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// One change of stage or status. <c>from</c>/<c>to</c> are stage names (kind stage) or status
/// names (kind status); the first entry is the stage the deal was opened at, with from null.
/// For a lost deal, <c>reason</c> is the lost-reason category and <c>note</c> the officer's words.
/// <c>id</c> orders entries (and pages the history feed); <c>dealId</c> names the deal.
/// </summary>
public sealed record DealHistoryItem(long Id, long DealId, DateOnly On, DateTimeOffset At, HistoryKind Kind, string? From, string To, string? Reason, string? Note, long? ByUserId);

public sealed record GetDealHistory([FromRoute] long Id, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<DealHistoryItem>>, IPagedRequest;

public sealed class GetDealHistoryHandler(IdPages pages, DealReader reader) : IRequestHandler<GetDealHistory, Page<DealHistoryItem>>
{
    public async Task<Page<DealHistoryItem>> Handle(GetDealHistory request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.Id, cancellationToken);

        var page = await pages.PageAsync<HistoryRow>(request,
            $"SELECT {HistoryRow.Columns} FROM deal_history WHERE deal_id = @dealId",
            new { dealId = request.Id },
            cancellationToken);
        return page.Select(r => r.ToItem());
    }
}

/// <summary>A history entry as stored, for the deal's history and the history feed.</summary>
public sealed record HistoryRow : IHasId
{
    public const string Columns = "id, deal_id, kind, from_value, to_value, on_date, at, reason, note, by_user_id";

    public long Id { get; init; }

    public long DealId { get; init; }

    public HistoryKind Kind { get; init; }

    public int? FromValue { get; init; }

    public int ToValue { get; init; }

    public DateOnly OnDate { get; init; }

    public DateTimeOffset At { get; init; }

    public string? Reason { get; init; }

    public string? Note { get; init; }

    public long? ByUserId { get; init; }

    public DealHistoryItem ToItem() => new(Id, DealId, OnDate, At, Kind, FromValue is { } f ? Name(f) : null, Name(ToValue), Reason, Note, ByUserId);

    private string Name(int value) => Kind == HistoryKind.Stage ? Names.Of((Stage)value) : Names.Of((DealStatus)value);
}
