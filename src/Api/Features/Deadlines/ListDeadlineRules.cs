using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Deadlines;

public sealed record ListDeadlineRules(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<DeadlineRuleResponse>>, IPagedRequest;

public sealed class ListDeadlineRulesHandler(IdPages pages) : IRequestHandler<ListDeadlineRules, Page<DeadlineRuleResponse>>
{
    public async Task<Page<DeadlineRuleResponse>> Handle(ListDeadlineRules request, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync<DeadlineRuleStore.Row>(request, $"SELECT {DeadlineRuleStore.Columns} FROM deadline_rules WHERE 1 = 1", new { }, cancellationToken);
        return page.Select(r => r.ToResponse());
    }
}
