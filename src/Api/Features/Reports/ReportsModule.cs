using DealPipeline.Api.Features.Referrals;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Reports;

public sealed class ReportsModule : IModule
{
    /// <summary>A description written as a raw string, one paragraph: its line breaks are spaces.</summary>
    public void AddServices(IServiceCollection services)
    {
        services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section)
            .Validate(o => o.StageProbabilities.Values.All(p => p is >= 0m and <= 1m && p * 100m == decimal.Truncate(p * 100m)), "Reports:StageProbabilities are between 0 and 1, in whole percent (at most two decimals).")
            .ValidateOnStart();
        services.AddMemoryCache(o => o.SizeLimit = ReportCaching.MaxEntries);
        services.AddScoped<ReportCaching>();
        services.AddScoped<PerformanceFigures>();
        services.AddScoped<BoardGroupStore>();
    }

    /// <summary>
    /// The /reports group as every report is mapped in, this area's and another's (the health check): the answer's language in
    /// Content-Language, ETags on the data version with 304s and the cache, and reads from a replica when one is configured.
    /// </summary>
    public static RouteGroupBuilder Group(RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        return api.MapGroup("/reports").WithTags("Reports")
            .AddEndpointFilter(async (context, next) =>
            {
                // Labels are Chinese unless Accept-Language prefers English: every answer says which, one from memory too.
                context.HttpContext.Response.Headers.ContentLanguage = Labels.PrefersEnglish(context.HttpContext.Request) ? Languages.English : Languages.Chinese;
                return await next(context);
            })
            .AddEndpointFilter<ReportCaching>().ReadsReplica()
            .WithMetadata(new ProducesResponseTypeMetadata(StatusCodes.Status304NotModified));
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = Group(api);
        group.MapQuery<GetPipelineReport, PipelineReport>("/pipeline")
            .Describe("GetPipelineReport", Policies.Read, "The pipeline in CNY: count, intended and weighted investment by stage, sector, park, owner, team or source.")
            .WithProse("""
                Lost deals are never counted. status: active (default), onHold, or any (active and on hold). With groupBy=stage every stage has a row,
                in pipeline order, zeros included; other groupings list the groups that have deals, largest first (key null: no team). Keys are
                stage or source names, or ids as strings. Labels are Chinese unless Accept-Language prefers English. Each deal is converted and weighted
                on its own (a non-CNY deal at the rate in force on asOf), rounded half away from zero to the fen, then summed: every grouping has the
                same total, and each total is the sum of its rows. Weighted investment applies the configured stage probabilities
                (Reports:StageProbabilities, in whole percent; defaults contact 0.1, negotiation 0.3, letters 0.5, signed 0.8, landed 1.0). asOf (default
                today, China Standard Time) rebuilds stage and status at the end of that day from the history, and counts each deal with the amount, currency, owner, team, park, sector and key-project flag in force that day (GET /deals/{id}/revisions), so a later correction never moves a past report.
                sectorId includes descendants. groupBy=province or city groups by where each deal's company comes from (its regionCode, GB/T 2260;
                keys are six-digit codes such as 330000 or 330100, labels the Chinese names; key null: a company without a region code): set beside the
                parks' own regionCode, it shows investment from outside a park's province (省外资金). Two dimensions: groupBy=sector,stage (park, owner, team, source, province or city, then stage) answers one row per group and
                stage that has deals, with stage and stageLabel beside key and label: a flat table a BI tool loads as it is; groups largest first, stages in
                pipeline order; the total is the same as under any grouping. withFunds=true adds fundsInPlace to each row and the total: the CNY funds in place
                (到位资金) the row's deals received up to asOf, converted per currency subtotal at asOf's rates (a second pass over the same deals).
                """)
            .WithProblems(400);
        group.MapQuery<GetReferralReport, ReferralReport>("/referrals")
            .Describe("GetReferralReport", Policies.Read, "What each referrer brought and the reward due: their referred deals' funds in place up to asOf, in CNY, and each deal's reward under its scheme, exact to the fen.")
            .WithProse("""
                Every referrer is listed, in id order, with the live deals they referred that the caller may see. A deal's basis is its funds in
                place on or before asOf (default today, China Standard Time; not in the future), each amount converted to CNY at the rate in force
                on the day it arrived and rounded half away from zero to the fen; the reward is the scheme's (tiered or marginal, capped), rounded
                once to the fen. A referrer's figures are the sums of their deals', and the totals the sums of the referrers'.
                """)
            .WithProblems(400);
        group.MapQuery<GetLeadReport, LeadReport>("/leads")
            .Describe("GetLeadReport", Policies.Read, "Lead intake by source and its conversion: the leads received in the period (from and to, or year), where they are now, and how many became deals, signed and landed.")
            .WithProse("""
                Per source (every one, zeros included, in a fixed order) and in total, of the leads received from from to to (China Standard
                Time; or in year), of teamId when given: received; open ones in the shared pool, in a team's queue, with an officer, and
                flagged (escalated to the end for a missed deadline); dropped; converted; of the converted, the deals signed (signedOn set) and
                landed (landedOn set) and not deleted, whatever their status since. Rates are ratios rounded half away from zero to four
                decimals, null when nothing is below them: conversionRate converted / received, signingRate signed / converted, landingRate
                landed / signed, leadToLanded landed / received. A lead converted to a confidential deal the caller may not see is left out
                of every figure. Labels are Chinese unless Accept-Language prefers English.
                """)
            .WithProblems(400);
        group.MapQuery<GetRankingReport, RankingReport>("/rankings")
            .Describe("GetRankingReport", Policies.Read, "A ranking board (赛马榜): every park, team or officer ranked on the period's weighted figures, normalised by 功效系数法 or by rank, on the whole board or within teams.")
            .WithProse("""
                by: park, team or owner (officers and managers, who own deals). The period is from and to, or year; the deal filters apply too,
                and each unit's figures are the performance report's (GET /reports/performance) for its deals as the caller may see them.
                figures: name:weight pairs, comma-separated (default signedInvestment:30,landedInvestment:30,fundsInPlace:20,signedCount:10,landedCount:10),
                of newDeals, signedCount, signedInvestment (contracted, CNY), landedCount, landedInvestment (contracted, CNY), fundsInPlace (in the
                period, CNY), constructionStarted, productionStarted, siteVisits, letters. method: efficacy (功效系数法, default): each figure scores
                (v − min) / (max − min) × 40 + 60 within the group, 100 for all when all are equal; rank: the first 100, the last 60, evenly between,
                ties sharing the better place. score is the weighted mean of the points; points and scores are rounded half away from zero to two
                decimals. Items are ranked by score, highest first (equal scores share a rank), then by id. within=group ranks each unit within its
                board group (GET /board-groups: 国家级开发区, 省级开发区 …; units in none are ranked together, groupId null); within=team (with
                by=owner) ranks officers within their own team; groupId and groupName say which.
                """)
            .WithProblems(400);
        var boards = api.MapGroup("/board-groups").WithTags("Reports");
        boards.MapCreate<CreateBoardGroup, BoardGroupResponse>()
            .Describe("CreateBoardGroup", Policies.Admin, "Adds a group a ranking board ranks within (within=group): a name, the kind of unit (park, team or owner) and its members.")
            .WithProse("""
                Chongqing's 赛马榜 ranks districts within their groups; an office groups its parks (国家级开发区, 省级开发区), teams or officers the same
                way. memberIds are 1 to 500 distinct ids of parks, teams or officers (users who may own deals) on file (400 otherwise); a unit is in
                at most one group of its kind (409), and names are unique (409).
                """)
            .WithProblems(400, 409);
        boards.MapQuery<ListBoardGroups, Page<BoardGroupResponse>>("/")
            .Describe("ListBoardGroups", Policies.Read, "Lists the ranking boards' groups in id order, each with its members.")
            .WithProblems(400);
        boards.MapReadAndCorrect<BoardGroupResponse, CreateBoardGroup>(
                "board group", Policies.Admin, id => new GetBoardGroup(id), (id, patch, ifMatch) => new PatchBoardGroup(id, patch, ifMatch), operationName: "BoardGroup")
            .WithDescription("Renames a group or replaces its members (memberIds, the whole list); its unit never changes (400). The same checks as a new group's.");
        group.MapQuery<GetStaleReport, StaleReport>("/stale")
            .Describe("GetStaleReport", Policies.Read, "Active deals with no activity, stage change or status change for at least days days (default 30), longest idle first, with their last touch and owner.")
            .WithProse("""
                A deal's last touch is the later of its last stage or status change and its last activity (business dates, China Standard Time);
                idleDays counts from it to today. The deal filters apply; paged with limit and cursor. A confidential deal the caller may not see is
                listed with dealId and companyId null and its code name instead of its name.
                """)
            .WithProblems(400);
        group.MapQuery<GetPerformanceDeals, PerformanceDeals>("/performance/deals")
            .Describe("GetPerformanceDeals", Policies.Read, "The deals behind one figure of the performance report (figure=signed …), for the same period and filters: exactly the deals it counts.")
            .WithProse("""
                figure: newDeals (opened in the period), signed and landed (signed or landed in it, not lost), lost (marked lost in it),
                constructionStarted and productionStarted (开工, 投产 in it), fundsInPlace (funds in place dated in it). Each item's on is the day it
                counts on (its first in the period); amounts are in the deal's own currency. count equals the report's figure for the same query.
                What counts as attracted under the office's counting rules (认定) is GET /reports/counted.
                """)
            .WithProblems(400);
        group.MapQuery<GetPerformanceReport, PerformanceReport>("/performance")
            .Describe("GetPerformanceReport", Policies.Read, "A period's figures (from and to, or year; China Standard Time dates, inclusive), as managers report them monthly.")
            .WithProse("""
                newDeals: deals opened in the period. letters: letters signed in it, by type (with a deal filter, only the matching deals' letters).
                signed / landed: deals not lost whose signedOn / landedOn is in the period: count, distinct companies, CNY sums of intended and
                contracted investment. lost: deals marked lost in the period. constructionStarted / productionStarted: milestones dated in it.
                events: events starting in it, by type (only parkId filters them). siteVisits: siteVisit activities in it. inNegotiation: active
                deals in negotiation or letters at the end of to (count, key projects, CNY intended investment). expectedAnnualTax: of active deals at
                the end of to. fundsInPlace (到位资金): the deals that received funds in the period, the CNY received in it (inPeriod) and up to its end
                (toDate), whatever the deal's status since. targets: when the period lies in one year and targets are set for it (for the office, or the parkId or teamId
                filter alone), each target, the actual figure (counts; intended investment), the completion ratio and its pace against the time
                elapsed (序时进度: timeElapsed is the share of the year's days gone through elapsedThrough, the period's end or today if earlier;
                workingTimeElapsed the same in working days on the office's calendar; pace = completion / timeElapsed, 1 or more on schedule);
                ratios rounded half away from zero to four decimals. Non-CNY amounts are converted
                at the rates in force on to, per currency subtotal.
                """)
            .WithProblems(400);
        group.MapGet("/performance/series", async ([AsParameters] GetPerformanceSeries query, string? interval, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query.For(interval), ct)))
            .Describe("GetPerformanceSeries", Policies.Read, "The performance figures of every month, quarter or year of a period (interval=month|quarter|year; from and to, or year), as one flat table.")
            .WithProse("""
                Each row is the performance report of its interval, clipped to the period: the sum of the rows of a count is the count of the whole
                period (inNegotiationAtEnd is a state at each interval's end, not a sum). At most 120 rows. The same filters as the other reports.
                """)
            .WithProblems(400);
        group.MapQuery<GetChainReport, ChainReport>("/chains/{id:long}")
            .Describe("GetChainReport", Policies.Read, "An industry chain's figures today: per link, landed companies, whether it is a gap, and its pipeline by stage; per chain leader, the deals it brought in.")
            .WithProse("""
                Deals count when they land in one of the chain's parks (any park when the chain names none; parkId narrows further).
                A deal belongs to a link when it is attached to the link or one of its sub-links, or its company is; a link's figures cover its
                sub-links, each deal once (depth 0 is a top link). landedCompanies: the distinct companies of the link's landed deals; gap: true when
                there is none (a company counts once its landing is recorded as a deal). deals, intendedInvestment and stages: the link's pipeline, the
                deals of status (active by default, onHold, or any), every stage in pipeline order, zeros included. Per chain leader (链主): its referrals
                (deals whose referrerCompanyId is the leader) and the deals of the links it is attached to, but its own; signed counts those signed or
                already landed, landed those landed. Lost deals never count. The deal filters and the caller's visibility apply to every figure. Non-CNY
                amounts are converted per deal at today's rates, to the fen. Labels are Chinese unless Accept-Language prefers English.
                """)
            .WithProblems(400, 404);
        group.MapQuery<GetOverdueReport, OverdueReport>("/overdue")
            .Describe("GetOverdueReport", Policies.Read, "What is late today (服务时限): every overdue deadline of the active deals, longest late first, counted per owner and per team.")
            .WithProse("""
                The deadlines are each deal's (GET /deals/{id}/deadlines) under the deadline rules (GET /deadline-rules) and the office's calendar
                (GET /calendar/{year}): answer and assess not met by their due day, report not made since its due day. overdue counts late
                deadlines, deals the deals with at least one. byOwner and byTeam (key null: no team) list the owners and teams with any, most late
                first. items lists each late deadline, longest late first (then by due day, deal and kind), paged with limit (default 50, at
                most 500) and cursor. Only deals the caller may see; the deal filters apply. Labels are Chinese unless Accept-Language prefers English.
                """)
            .WithProblems(400);
        group.MapQuery<GetEvaluationReport, EvaluationReport>("/evaluation")
            .Describe("GetEvaluationReport", Policies.Read, "The pipeline by evaluation band (指标评价): per band of a criteria set, the deals, their CNY intended investment, and per 亩 (亩均投资, 亩均税收).")
            .WithProse("""
                Each deal counts in the band of its latest score when that score is under criteriaSetId (any revision); vetoed holds those a veto
                applied to, and band null the deals not scored under the set. Rows: the bands of the set's current revision, highest first, zeros
                included; bands only earlier revisions had, by key; vetoed; not scored. status: active (default), onHold or any. Per-亩 figures
                are over the row's deals that give landArea: their CNY intended investment and expected annual tax divided by their land, to the
                fen; null when none does. Amounts in CNY at today's rates, per deal. The deal filters and the caller's visibility apply.
                """)
            .WithProblems(400);
        group.MapQuery<GetFunnelReport, FunnelReport>("/funnel")
            .Describe("GetFunnelReport", Policies.Read, "For the deals opened in the period: per stage, how many reached it, the conversion from the stage before, and the median days spent in it.")
            .WithProse("""
                reached counts deals whose highest stage ever (from their history) is this stage or later, so a deal that skipped a stage passed it.
                conversion is reached / reached of the stage before. medianDaysInStage is over the stays that ended with a next stage change
                (staysMeasured of them), in whole days; null when none has ended.
                """)
            .WithProblems(400);
    }
}
