using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Parks;

public sealed class ParksModule : IModule
{
    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/parks").WithTags("Parks");
        group.MapCreate<CreatePark, ParkResponse>()
            .WithName("CreatePark").Allow(Policies.Admin).WithSummary("Adds a park (园区) where deals may land.")
            .WithProblems(400, 409);
        group.MapQuery<ListParks, Page<ParkResponse>>("/")
            .WithName("ListParks").Allow(Policies.Read).WithSummary("Lists parks in id order.")
            .WithProblems(400);
        group.MapReadAndCorrect<ParkResponse, CreatePark>("park", Policies.Admin, id => new GetPark(id), (id, patch, ifMatch) => new PatchPark(id, patch, ifMatch));
    }
}
