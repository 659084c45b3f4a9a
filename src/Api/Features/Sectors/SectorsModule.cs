using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Sectors;

public sealed class SectorsModule() : ReferenceDataModule<CreateSector, ListSectors, SectorResponse>(
    "/sectors", "sector", Policies.Admin, ("Adds a sector (产业链/赛道), under a parent sector or at the top of the tree.", "Lists the sector tree flat, in id order (a parent always before its children), each with its parentId."))
{
    public override void AddServices(IServiceCollection services) => services.AddScoped<SectorStore>();

    protected override IRequest<SectorResponse> Read(long id) => new GetSector(id);

    protected override IRequest<SectorResponse> Correct(long id, JsonElement patch, IfMatch? ifMatch) => new PatchSector(id, patch, ifMatch);
}
