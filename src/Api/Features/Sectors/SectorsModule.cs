using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Sectors;

public sealed class SectorsModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<SectorStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/sectors").WithTags("Sectors");
        group.MapCreate<CreateSector, SectorResponse>()
            .WithName("CreateSector").Allow(Policies.Admin)
            .WithSummary("Adds a sector (产业链/赛道), under a parent sector or at the top of the tree.")
            .WithProblems(400, 409);
        group.MapQuery<ListSectors, Page<SectorResponse>>("/")
            .WithName("ListSectors").Allow(Policies.Read)
            .WithSummary("Lists the sector tree flat, in id order (a parent always before its children), each with its parentId.")
            .WithProblems(400);
        group.MapReadAndCorrect<SectorResponse, CreateSector>("sector", Policies.Admin, id => new GetSector(id), (id, patch, ifMatch) => new PatchSector(id, patch, ifMatch));
    }
}
