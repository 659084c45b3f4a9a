using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Infrastructure;
using MediatR;

namespace DealPipeline.Api.Features.Deals;

/// <summary>Soft-deletes a deal: it disappears from reads and reports, and incremental pulls see its tombstone.</summary>
public sealed record DeleteDeal(long Id, IfMatch? ExpectedVersion) : ICommand<Unit>, IAudited, IChangesDeal
{
    string IAudited.AuditEntity => "deal";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class DeleteDealHandler(DealRepository deals, DealAccess access, IClock clock) : IRequestHandler<DeleteDeal, Unit>
{
    public async Task<Unit> Handle(DeleteDeal request, CancellationToken cancellationToken)
    {
        var deal = await DealQueries.LoadAsync(deals, access, request.Id, request.ExpectedVersion, cancellationToken);
        return await deals.DeleteAsync(deal, clock.UtcNow, cancellationToken) ? Unit.Value : throw ProblemException.PreconditionFailed(deal.Version + 1);
    }
}
