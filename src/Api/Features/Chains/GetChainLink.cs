using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Chains;

public sealed record GetChainLink(long ChainId, long LinkId) : IQuery<ChainLinkResponse>;

public sealed class GetChainLinkHandler(ChainStore chains) : IRequestHandler<GetChainLink, ChainLinkResponse>
{
    public Task<ChainLinkResponse> Handle(GetChainLink request, CancellationToken cancellationToken) =>
        chains.GetLinkAsync(request.ChainId, request.LinkId, cancellationToken);
}
