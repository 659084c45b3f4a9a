using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Parks;

public sealed class ParksModule() : ReferenceDataModule<CreatePark, ListParks, ParkResponse>(
    "/parks", "park", Policies.Admin, ("Adds a park (园区) where deals may land.", "Lists parks in id order."))
{
    protected override IRequest<ParkResponse> Read(long id) => new GetPark(id);

    protected override IRequest<ParkResponse> Correct(long id, JsonElement patch, IfMatch? ifMatch) => new PatchPark(id, patch, ifMatch);
}
