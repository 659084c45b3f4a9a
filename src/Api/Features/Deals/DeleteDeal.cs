namespace DealPipeline.Api.Features.Deals;

/// <summary>Soft-deletes a deal: it disappears from reads and reports, and incremental pulls see its tombstone.</summary>
public sealed record DeleteDeal(long Id, IfMatch? ExpectedVersion) : ICommand<Unit>, IChangesDeal
{
    string IAudited.ChangeKind => ChangeKinds.Deleted;
}

public sealed class DeleteDealHandler(DealReader reader, IClock clock) : IRequestHandler<DeleteDeal, Unit>
{
    public async Task<Unit> Handle(DeleteDeal request, CancellationToken cancellationToken)
    {
        var deal = await reader.LoadAsync(request.Id, request.ExpectedVersion, cancellationToken);
        var loaded = deal.Version;
        deal.Delete(clock.UtcNow);
        await reader.StoreAsync(deal, loaded, cancellationToken);
        return Unit.Value;
    }
}
