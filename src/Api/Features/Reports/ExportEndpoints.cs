using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;
using MediatR;

namespace DealPipeline.Api.Features.Reports;

public static class ExportEndpoints
{
    public static void MapExports(this RouteGroupBuilder api)
    {
        api.MapGet("/export/deals.csv", async ([AsParameters] ExportDeals query, IMediator mediator, HttpContext http, CancellationToken ct) =>
            {
                var rows = await mediator.Send(query, ct);
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = "attachment; filename=\"deals.csv\"";
                var written = await DealsCsv.WriteAsync(http.Response.Body, rows, ct);
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
                "Confidential deals the caller may not see are left out.")
            .WithProblems(400);
    }
}
