using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Chains;

public sealed record GetChain(long Id) : IQuery<ChainResponse>;

public sealed class GetChainHandler(ChainStore chains) : IRequestHandler<GetChain, ChainResponse>
{
    public Task<ChainResponse> Handle(GetChain request, CancellationToken cancellationToken) => chains.GetAsync(request.Id, cancellationToken);
}
