using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Evaluation;

public sealed record ListDealScores(long DealId) : IQuery<Page<DealScoreResponse>>;

public sealed class ListDealScoresHandler(DealReader reader, DbSession session) : IRequestHandler<ListDealScores, Page<DealScoreResponse>>
{
    public async Task<Page<DealScoreResponse>> Handle(ListDealScores request, CancellationToken cancellationToken)
    {
        await reader.GetAsync(request.DealId, cancellationToken);
        var rows = await session.QueryAsync<DealScoreStore.Row>(
            $"SELECT {DealScoreStore.Columns} FROM deal_scores WHERE deal_id = @DealId ORDER BY id DESC", request, cancellationToken);
        return new Page<DealScoreResponse>([.. rows.Select(r => r.ToResponse())], null);
    }
}
