using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Evaluation;

public sealed record ListCriteriaSets(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<CriteriaSetResponse>>, IPagedRequest;

public sealed class ListCriteriaSetsHandler(IdPages pages, CriteriaSetStore criteriaSets) : IRequestHandler<ListCriteriaSets, Page<CriteriaSetResponse>>
{
    public async Task<Page<CriteriaSetResponse>> Handle(ListCriteriaSets request, CancellationToken cancellationToken)
    {
        var ids = await pages.PageAsync<CriteriaSetStore.IdRow>(request, "SELECT id FROM criteria_sets WHERE 1 = 1", new { }, cancellationToken);
        var sets = new List<CriteriaSetResponse>();
        foreach (var row in ids.Items)
        {
            sets.Add(await criteriaSets.GetAsync(row.Id, null, cancellationToken));
        }

        return new Page<CriteriaSetResponse>(sets, ids.NextCursor) { Next = ids.Next };
    }
}
