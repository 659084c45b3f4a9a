using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Chains;

/// <summary>Chains in id order, each with its links; parkId keeps the chains a park runs.</summary>
public sealed record ListChains(long? ParkId = null, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ChainResponse>>, IPagedRequest;

public sealed class ListChainsValidator : AbstractValidator<ListChains>
{
    public ListChainsValidator()
    {
        RuleFor(x => x.ParkId).Id();
    }
}

public sealed class ListChainsHandler(IdPages pages, ChainStore chains) : IRequestHandler<ListChains, Page<ChainResponse>>
{
    public async Task<Page<ChainResponse>> Handle(ListChains request, CancellationToken cancellationToken)
    {
        var ids = await pages.PageAsync<ChainId>(request,
            request.ParkId is null ? "SELECT id FROM chains WHERE 1 = 1" : "SELECT id FROM chains WHERE id IN (SELECT chain_id FROM chain_parks WHERE park_id = @parkId)",
            new { parkId = request.ParkId },
            cancellationToken);
        var found = await chains.LoadAsync([.. ids.Items.Select(i => i.Id)], cancellationToken);
        return new Page<ChainResponse>(found, ids.NextCursor) { Next = ids.Next };
    }

    private sealed record ChainId : IHasId
    {
        public long Id { get; init; }
    }
}
