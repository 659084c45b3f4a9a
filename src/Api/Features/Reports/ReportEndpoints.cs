using DealPipeline.Api.Application;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using MediatR;

namespace DealPipeline.Api.Features.Reports;

public static class ReportEndpoints
{
    public static void MapReports(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/pipeline", async ([AsParameters] PipelineQuery query, HttpRequest http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query.ToRequest(Labels.PrefersEnglish(http)), ct)))
            .WithName("GetPipelineReport").Allow(Policies.Read)
            .WithSummary("The pipeline in CNY: count, intended and weighted investment by stage, sector, park, owner, team or source.")
            .WithDescription(
                "Lost deals are never counted. status: active (default), onHold, or any (active and on hold). With groupBy=stage every stage has a row, " +
                "in pipeline order, zeros included; other groupings list the groups that have deals, largest first (key null: no team). Keys are " +
                "stage or source names, or ids as strings. Labels are Chinese unless Accept-Language prefers English. Non-CNY deals are converted at the " +
                "rate in force on asOf, per currency subtotal, rounded half away from zero to the fen; weighted investment applies the configured stage " +
                "probabilities (Reports:StageProbabilities; defaults contact 0.1, negotiation 0.3, letters 0.5, signed 0.8, landed 1.0). asOf (default " +
                "today, China Standard Time) rebuilds stage and status at the end of that day from the history; amounts are the deals' current ones. " +
                "sectorId includes descendants.")
            .WithProblems(400);
        group.MapGet("/stale", async ([AsParameters] StaleQuery query, HttpRequest http, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query.ToRequest(Labels.PrefersEnglish(http)), ct)))
            .WithName("GetStaleReport").Allow(Policies.Read)
            .WithSummary("Active deals with no activity, stage change or status change for at least days days (default 30), longest idle first, with their last touch and owner.")
            .WithDescription(
                "A deal's last touch is the later of its last stage or status change and its last activity (business dates, China Standard Time); " +
                "idleDays counts from it to today. The deal filters apply; paged with limit and cursor. A confidential deal the caller may not see is " +
                "listed with dealId and companyId null and its code name instead of its name.")
            .WithProblems(400);
    }
}

/// <summary>The query string of the stale report.</summary>
public sealed record StaleQuery
{
    public int? Days { get; init; }

    public long? ParkId { get; init; }

    public long? SectorId { get; init; }

    public long? OwnerId { get; init; }

    public long? TeamId { get; init; }

    public string? Source { get; init; }

    public bool? IsKeyProject { get; init; }

    public int? Limit { get; init; }

    public string? Cursor { get; init; }

    public GetStaleReport ToRequest(bool english) => new()
    {
        Days = Days ?? 30,
        ParkId = ParkId,
        SectorId = SectorId,
        OwnerId = OwnerId,
        TeamId = TeamId,
        Source = Source,
        IsKeyProject = IsKeyProject,
        Limit = Limit ?? Http.Cursor.DefaultLimit,
        Cursor = Cursor,
        English = english,
    };
}

/// <summary>The query string of the pipeline report.</summary>
public sealed record PipelineQuery
{
    /// <summary>stage (default), sector, park, owner, team or source.</summary>
    public string? GroupBy { get; init; }

    /// <summary>YYYY-MM-DD; default today (China Standard Time).</summary>
    public string? AsOf { get; init; }

    public string? Status { get; init; }

    public long? ParkId { get; init; }

    public long? SectorId { get; init; }

    public long? OwnerId { get; init; }

    public long? TeamId { get; init; }

    public string? Source { get; init; }

    public bool? IsKeyProject { get; init; }

    public GetPipelineReport ToRequest(bool english) => new()
    {
        GroupBy = QueryValues.Enum(GroupBy, PipelineGrouping.Stage, "groupBy"),
        AsOf = QueryValues.Date(AsOf, "asOf"),
        Status = Status,
        ParkId = ParkId,
        SectorId = SectorId,
        OwnerId = OwnerId,
        TeamId = TeamId,
        Source = Source,
        IsKeyProject = IsKeyProject,
        English = english,
    };
}
