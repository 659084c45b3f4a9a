namespace DealPipeline.Api.Features.Deals;

public sealed record GetDeal(long Id) : IQuery<DealResponse>;

public sealed class GetDealHandler(DealReader reader) : IRequestHandler<GetDeal, DealResponse>
{
    public Task<DealResponse> Handle(GetDeal request, CancellationToken cancellationToken) =>
        reader.GetAsync(request.Id, cancellationToken);
}
