using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Activities;

public sealed class ActivitiesModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<ActivityStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/deals/{id:long}/activities").WithTags("Deals");
        group.MapPost("/", async (long id, ActivityBody body, IMediator mediator, CancellationToken ct) =>
            {
                var activity = await mediator.Send(new AddDealActivity(id, body.Type, body.On, body.Summary, body.NextStep, body.NextStepDue), ct);
                return TypedResults.Created($"/api/v1/deals/{id}/activities", activity);
            })
            .Describe("AddDealActivity", Policies.WorkDeals, "Records an activity on a deal: type (call, meeting, visit, siteVisit, reception, other), on, summary, and an optional next step and its due date.")
            .WithDescription(
                "An activity is a touch of the deal for the stale report (its last touch becomes the later of its last change and its last " +
                "activity); it does not change the deal's version or ETag. on cannot be in the future; nextStepDue is on or after on.")
            .WithProblems(400, 404);
        group.MapQuery<ListDealActivities, Page<ActivityResponse>>("/")
            .Describe("ListDealActivities", Policies.Read, "The deal's activities, newest first (by date, then by recording order).")
            .WithProblems(400, 404);
    }
}
