using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Exports;

/// <summary>Exports for people and BI tools: the deals as CSV and Excel, and history, activities, letters and events as CSV.</summary>
public sealed class ExportsModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<DealExportReader>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        api.MapGet("/export/deals.csv", async ([AsParameters] ExportDeals query, IMediator mediator, DealExportReader reader, HttpContext http, CancellationToken ct) =>
            {
                var export = await mediator.Send(query, ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"deals.csv\"";
                var written = await CsvExport.WriteAsync(http.Response.Body, DealColumns.All, reader.ReadAsync(export, ct), ExportContext.Answering(http, query.Lang, export.Rates), ct);
                ServiceMetrics.Exported("deals.csv", written);
            })
            .WithTags("Reports")
            .WithName("ExportDeals").Allow(Policies.Read).ReadsReplica()
            .Produces(StatusCodes.Status200OK, contentType: "text/csv")
            .WithSummary("Every deal matching the list filters as CSV, in id order: UTF-8 with a byte-order mark (Excel reads Chinese), one header row, streamed.")
            .WithDescription(
                "Filters: stage, status, source (comma-separated), parkId, sectorId (with descendants), ownerId, teamId, sourceEventId, isKeyProject, q, " +
                "updatedSince, updatedBefore. Columns: the deal's fields (amounts in its currency with two decimals, dates YYYY-MM-DD, timestamps " +
                "China Standard Time as YYYY-MM-DD HH:mm:ss) and the names of its company, park, sector, owner and team. A value starting with =, +, -, @, " +
                "a tab or a carriage return is written with a leading apostrophe, so that a spreadsheet never runs it as a formula. " +
                "Confidential deals the caller may not see are left out. Headers and labels are Chinese with lang=zh-CN or Accept-Language preferring zh " +
                "(amounts then headed （元）), English codes otherwise; intendedInvestmentCny and contractedInvestmentCny are the amounts in CNY at the rates in force " +
                "on the export's date; fundsInPlace and fundsInPlaceCny the deal's funds in place (到位资金) to date. includeDeleted=true adds deleted deals with their deletedAt (tombstones for an incremental export with updatedSince).")
            .WithProblems(400);
        api.MapGet("/export/deals.xlsx", async ([AsParameters] ExportDeals query, IMediator mediator, DealExportReader reader, HttpContext http, CancellationToken ct) =>
            {
                var export = await mediator.Send(query, ct);
                http.Response.ContentType = XlsxExport.ContentType;
                http.Response.Headers.ContentDisposition = "attachment; filename=\"deals.xlsx\"";
                var written = await XlsxExport.WriteAsync(http.Response.Body, DealColumns.All, reader.ReadAsync(export, ct), ("项目", "Deals"), ExportContext.Answering(http, query.Lang, export.Rates), ct);
                ServiceMetrics.Exported("deals.xlsx", written);
            })
            .WithTags("Reports")
            .WithName("ExportDealsXlsx").Allow(Policies.Read).ReadsReplica()
            .Produces(StatusCodes.Status200OK, contentType: XlsxExport.ContentType)
            .WithSummary("Every deal matching the list filters as an Excel workbook: typed cells, amounts in 万元, CNY columns, ids and credit codes as text, a frozen header.")
            .WithDescription(
                "The same columns and filters as deals.csv. Headers and labels are Chinese with lang=zh-CN or Accept-Language preferring zh, English codes " +
                "otherwise. Amounts are numbers in 万元 (10,000 yuan) with the deal's currency beside them, and intendedInvestmentCny / " +
                "contractedInvestmentCny converted at the rates in force on the export's date (empty without a rate). Dates and timestamps (China Standard " +
                "Time) are Excel dates; ids and credit codes are text. includeDeleted=true adds deleted deals with their deletedAt.")
            .WithProblems(400);
        EntityExports.Map(api);
    }
}
