using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;

namespace DealPipeline.Api.Features.Chains;

public sealed record GetChain(long Id) : IQuery<ChainResponse>;

public sealed class GetChainHandler(DbSession session) : IRequestHandler<GetChain, ChainResponse>
{
    public Task<ChainResponse> Handle(GetChain request, CancellationToken cancellationToken) => ChainQueries.GetAsync(session, request.Id, cancellationToken);
}

public sealed record GetChainLink(long ChainId, long LinkId) : IQuery<ChainLinkResponse>;

public sealed class GetChainLinkHandler(DbSession session) : IRequestHandler<GetChainLink, ChainLinkResponse>
{
    public Task<ChainLinkResponse> Handle(GetChainLink request, CancellationToken cancellationToken) =>
        ChainQueries.GetLinkAsync(session, request.ChainId, request.LinkId, cancellationToken);
}

/// <summary>Chains in id order, each with its links; parkId keeps the chains a park runs.</summary>
public sealed record ListChains(long? ParkId = null, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ChainResponse>>, IPagedRequest;

public sealed class ListChainsValidator : AbstractValidator<ListChains>
{
    public ListChainsValidator()
    {
        RuleFor(x => x.ParkId).Id();
    }
}

public sealed class ListChainsHandler(DbSession session, Cursors cursors) : IRequestHandler<ListChains, Page<ChainResponse>>
{
    public async Task<Page<ChainResponse>> Handle(ListChains request, CancellationToken cancellationToken)
    {
        var ids = await ListById.PageAsync<ChainId>(
            session,
            cursors,
            request,
            request.ParkId is null ? "SELECT id FROM chains WHERE 1 = 1" : "SELECT id FROM chains WHERE id IN (SELECT chain_id FROM chain_parks WHERE park_id = @parkId)",
            new { parkId = request.ParkId },
            cancellationToken);
        var chains = await ChainQueries.LoadAsync(session, [.. ids.Items.Select(i => i.Id)], cancellationToken);
        return new Page<ChainResponse>(chains, ids.NextCursor) { Next = ids.Next };
    }

    private sealed record ChainId : IHasId
    {
        public long Id { get; init; }
    }
}
