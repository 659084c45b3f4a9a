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

public sealed class DeleteDealHandler(DbSession session, DealRepository deals, DealAccess access, IClock clock) : IRequestHandler<DeleteDeal, Unit>
{
    public async Task<Unit> Handle(DeleteDeal request, CancellationToken cancellationToken)
    {
        var deal = await DealQueries.LoadAsync(deals, access, request.Id, request.ExpectedVersion, cancellationToken);
        var now = clock.UtcNow;
        var rows = await session.ExecuteAsync(
            "UPDATE deals SET deleted_at = @now, updated_at = @now, version = version + 1 WHERE id = @Id AND version = @Version AND deleted_at IS NULL",
            new { now, deal.Id, deal.Version },
            cancellationToken);
        if (rows == 0)
        {
            throw ProblemException.PreconditionFailed(deal.Version + 1);
        }

        return Unit.Value;
    }
}
