using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Funds;

public sealed record ListFundsInPlace([FromRoute(Name = "id")] long DealId, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<FundsResponse>>, IPagedRequest;

public sealed class ListFundsInPlaceHandler(DealReader reader, NewestFirst pages) : IRequestHandler<ListFundsInPlace, Page<FundsResponse>>
{
    public async Task<Page<FundsResponse>> Handle(ListFundsInPlace request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.DealId, cancellationToken);
        return await pages.PageAsync<FundsResponse>(FundsStore.Columns, FundsStore.From, "f.", request.DealId, request, f => (f.On, f.Id), cancellationToken);
    }
}
