using DealPipeline.Api.Features.Activities;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Feeds;

public sealed class FeedsModule : IModule
{
    public void MapEndpoints(RouteGroupBuilder api)
    {
        const string Window =
            "updatedSince and updatedBefore select the rows written at or after the one and before the other (half-open), for incremental " +
            "refreshes; paged in id order with limit (1–500, default 50) and cursor, or by following next. Deals that are deleted, or " +
            "confidential and not the caller's, are left out with their rows.";
        api.MapQuery<ListHistoryFeed, Page<DealHistoryItem>>("/history")
            .WithTags("Feeds").Describe("ListHistoryFeed", Policies.Read, "Every stage and status change of every deal, oldest first: one table for a BI tool instead of one call per deal.")
            .WithDescription("updatedSince/updatedBefore compare the time the change was recorded (at). " + Window)
            .WithProblems(400);
        api.MapQuery<ListActivityFeed, Page<ActivityResponse>>("/activities")
            .WithTags("Feeds").Describe("ListActivityFeed", Policies.Read, "Every activity on every deal (calls, meetings, visits, site visits), in the order they were recorded.")
            .WithDescription("updatedSince/updatedBefore compare the time the activity was recorded (createdAt). " + Window)
            .WithProblems(400);
    }
}
