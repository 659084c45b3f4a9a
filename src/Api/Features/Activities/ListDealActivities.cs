using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Activities;

public sealed record ListDealActivities([FromRoute(Name = "id")] long DealId, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ActivityResponse>>, IPagedRequest;

public sealed class ListDealActivitiesHandler(DealReader reader, NewestFirst pages) : IRequestHandler<ListDealActivities, Page<ActivityResponse>>
{
    public async Task<Page<ActivityResponse>> Handle(ListDealActivities request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.DealId, cancellationToken);
        return await pages.PageAsync<ActivityResponse>(ActivityStore.Columns, "activities", "", request.DealId, request, a => (a.On, a.Id), cancellationToken);
    }
}
