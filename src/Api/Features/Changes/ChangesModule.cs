using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Changes;

public sealed class ChangesModule : IModule
{
    public void MapEndpoints(RouteGroupBuilder api)
    {
        api.MapQuery<ListChanges, ChangePage>("/changes")
            .WithTags("Changes")
            .WithName("ListChanges")
            .Allow(Policies.Read)
            .WithSummary("Every committed change after a sequence number, in commit order: for BI tools that keep a copy up to date.")
            .WithDescription(
                "Each item is one committed write: its sequence, the entity (deal, activity, letter, event, company, park, sector, team, user, " +
                "fxRate, targets), the entity's id (a string: a currency for fxRate), what happened (created, updated, stageChanged, " +
                "statusChanged, milestoneRecorded, deleted), the entity's version after the change where it has one, the user who made it " +
                "(null for the bootstrap admin key) and when. Sequences grow in commit order and are assigned inside the writing transaction, " +
                "so a reader that stores lastSequence and asks again with after=lastSequence never misses or repeats a change, however " +
                "writers interleave (numbers may have gaps). Changes of deals the caller may not see are left out, with their activities and " +
                "letters. nextCursor is not null when more changes may follow at once.")
            .WithProblems(400);
    }
}
