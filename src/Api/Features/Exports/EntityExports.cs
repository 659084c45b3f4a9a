using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Features.Events;
using DealPipeline.Api.Features.Feeds;
using DealPipeline.Api.Features.Letters;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Exports;

/// <summary>The window and language of an export of history, activities, letters or events.</summary>
public sealed record EntityExportQuery
{
    /// <summary>Rows written at or after this instant (half-open with updatedBefore).</summary>
    public DateTimeOffset? UpdatedSince { get; init; }

    public DateTimeOffset? UpdatedBefore { get; init; }

    /// <summary>zh-CN for Chinese headers and labels (or Accept-Language: zh-CN); English codes otherwise.</summary>
    public string? Lang { get; init; }
}

/// <summary>
/// CSV and XLSX exports of every stage and status change, activity, letter and event the caller may
/// see, read through the same queries as their feeds and lists (the same visibility), a page of
/// 500 at a time, each page its own short query.
/// </summary>
public static class EntityExports
{
    private const int Page = 500;

    public static readonly IReadOnlyList<ExportColumn<DealHistoryItem>> History =
    [
        new("id", "编号", CellKind.Id, (r, _) => r.Id),
        new("dealId", "项目编号", CellKind.Id, (r, _) => r.DealId),
        new("on", "日期", CellKind.Date, (r, _) => r.On),
        new("kind", "类别", CellKind.Text, (r, c) => c.Label(r.Kind)),
        new("from", "变更前", CellKind.Text, (r, c) => c.StateLabel(r.From)),
        new("to", "变更后", CellKind.Text, (r, c) => c.StateLabel(r.To)),
        new("reason", "原因", CellKind.Text, (r, _) => r.Reason),
        new("note", "备注", CellKind.Text, (r, _) => r.Note),
        new("byUserId", "操作人编号", CellKind.Id, (r, _) => r.ByUserId),
        new("at", "记录时间（北京时间）", CellKind.Timestamp, (r, _) => r.At),
    ];

    public static readonly IReadOnlyList<ExportColumn<ActivityResponse>> Activities =
    [
        new("id", "编号", CellKind.Id, (r, _) => r.Id),
        new("dealId", "项目编号", CellKind.Id, (r, _) => r.DealId),
        new("type", "类型", CellKind.Text, (r, c) => c.Label(r.Type)),
        new("on", "日期", CellKind.Date, (r, _) => r.On),
        new("summary", "摘要", CellKind.Text, (r, _) => r.Summary),
        new("nextStep", "下一步", CellKind.Text, (r, _) => r.NextStep),
        new("nextStepDue", "下一步期限", CellKind.Date, (r, _) => r.NextStepDue),
        new("byUserId", "记录人编号", CellKind.Id, (r, _) => r.ByUserId),
        new("createdAt", "创建时间（北京时间）", CellKind.Timestamp, (r, _) => r.CreatedAt),
    ];

    public static readonly IReadOnlyList<ExportColumn<LetterResponse>> Letters =
    [
        new("id", "编号", CellKind.Id, (r, _) => r.Id),
        new("type", "类型", CellKind.Text, (r, c) => c.Label(r.Type)),
        new("signedOn", "签署日期", CellKind.Date, (r, _) => r.SignedOn),
        new("counterparty", "签署方", CellKind.Text, (r, _) => r.Counterparty),
        new("dealId", "项目编号", CellKind.Id, (r, _) => r.DealId),
        new("eventId", "活动编号", CellKind.Id, (r, _) => r.EventId),
        new("byUserId", "记录人编号", CellKind.Id, (r, _) => r.ByUserId),
        new("createdAt", "创建时间（北京时间）", CellKind.Timestamp, (r, _) => r.CreatedAt),
        new("updatedAt", "更新时间（北京时间）", CellKind.Timestamp, (r, _) => r.UpdatedAt),
    ];

    public static readonly IReadOnlyList<ExportColumn<EventResponse>> Events =
    [
        new("id", "编号", CellKind.Id, (r, _) => r.Id),
        new("name", "活动名称", CellKind.Text, (r, _) => r.Name),
        new("type", "类型", CellKind.Text, (r, c) => c.Label(r.Type)),
        new("startsOn", "开始日期", CellKind.Date, (r, _) => r.StartsOn),
        new("endsOn", "结束日期", CellKind.Date, (r, _) => r.EndsOn),
        new("city", "城市", CellKind.Text, (r, _) => r.City),
        new("parkId", "园区编号", CellKind.Id, (r, _) => r.ParkId),
        new("visitorsReceived", "接待人数", CellKind.Integer, (r, _) => r.VisitorsReceived),
        new("createdAt", "创建时间（北京时间）", CellKind.Timestamp, (r, _) => r.CreatedAt),
        new("updatedAt", "更新时间（北京时间）", CellKind.Timestamp, (r, _) => r.UpdatedAt),
    ];

    public static void Map(RouteGroupBuilder api)
    {
        Map(api, "history", ("变更历史", "History"), History, (q, cursor) => new ListHistoryFeed { UpdatedSince = q.UpdatedSince, UpdatedBefore = q.UpdatedBefore, Limit = Page, Cursor = cursor });
        Map(api, "activities", ("跟进记录", "Activities"), Activities, (q, cursor) => new ListActivityFeed { UpdatedSince = q.UpdatedSince, UpdatedBefore = q.UpdatedBefore, Limit = Page, Cursor = cursor });
        Map(api, "letters", ("三书", "Letters"), Letters, (q, cursor) => new ListLetters { UpdatedSince = q.UpdatedSince, UpdatedBefore = q.UpdatedBefore, Limit = Page, Cursor = cursor });
        Map(api, "events", ("招商活动", "Events"), Events, (q, cursor) => new ListEvents { UpdatedSince = q.UpdatedSince, UpdatedBefore = q.UpdatedBefore, Limit = Page, Cursor = cursor });
    }

    private static void Map<T>(RouteGroupBuilder api, string entity, (string Zh, string En) sheet, IReadOnlyList<ExportColumn<T>> columns, Func<EntityExportQuery, string?, IRequest<Page<T>>> page)
    {
        api.MapGet($"/export/{entity}.csv", async ([AsParameters] EntityExportQuery query, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var context = Context(http, query);
                var rows = await FirstPageAsync(mediator, query, page, ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{entity}.csv\"";
                ServiceMetrics.Exported($"{entity}.csv", await CsvExport.WriteAsync(http.Response.Body, columns, rows, context, ct));
            })
            .WithTags("Reports").WithName($"Export{Title(entity)}Csv").Allow(Policies.Read).ReadsReplica()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary($"Every {entity} row the caller may see as CSV (UTF-8 with a byte-order mark), in id order; updatedSince/updatedBefore select a window, lang=zh-CN Chinese headers and labels.")
            .WithProblems(400);
        api.MapGet($"/export/{entity}.xlsx", async ([AsParameters] EntityExportQuery query, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var context = Context(http, query);
                var rows = await FirstPageAsync(mediator, query, page, ct);
                http.Response.ContentType = XlsxExport.ContentType;
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"{entity}.xlsx\"";
                ServiceMetrics.Exported($"{entity}.xlsx", await XlsxExport.WriteAsync(http.Response.Body, columns, rows, sheet, context, ct));
            })
            .WithTags("Reports").WithName($"Export{Title(entity)}Xlsx").Allow(Policies.Read).ReadsReplica()
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .WithSummary($"Every {entity} row the caller may see as an Excel workbook: typed cells, a frozen header, ids as text; the same window and language as the CSV.")
            .WithProblems(400);
    }

    private static ExportContext Context(HttpContext http, EntityExportQuery query) =>
        ExportContext.Answering(http, query.Lang, new Domain.RateTable(new Dictionary<string, decimal>()));

    /// <summary>Reads the first page now (so that a bad window is a 400 before anything is written), then the rest as the writer asks.</summary>
    private static async Task<IAsyncEnumerable<T>> FirstPageAsync<T>(IMediator mediator, EntityExportQuery query, Func<EntityExportQuery, string?, IRequest<Page<T>>> page, CancellationToken cancellationToken)
    {
        var first = await mediator.Send(page(query, null), cancellationToken);
        return Rest(first);

        async IAsyncEnumerable<T> Rest(Page<T> current)
        {
            while (true)
            {
                foreach (var item in current.Items)
                {
                    yield return item;
                }

                if (current.NextCursor is null)
                {
                    yield break;
                }

                current = await mediator.Send(page(query, current.NextCursor), cancellationToken);
            }
        }
    }

    private static string Title(string entity) => char.ToUpperInvariant(entity[0]) + entity[1..];
}
