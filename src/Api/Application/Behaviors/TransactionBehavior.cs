using Polly;

namespace DealPipeline.Api.Application.Behaviors;

/// <summary>
/// A command runs in one transaction, committed when its handler returns and rolled back when it
/// throws; on a transient fault the whole unit of work is retried (see <see cref="TransientFaults"/>).
/// Queries get the retry but no transaction. A request with an Idempotency-Key claims its key
/// first thing in the transaction and leaves the commit to the HTTP edge, which stores the answer
/// with it (see <see cref="IdempotentRequest"/>).
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(DbSession session, ResiliencePipeline retry, IdempotentRequest idempotent, IdempotencyStore keys)
    : IPipelineBehavior<TRequest, TResponse>
{
    public async Task<TResponse> Handle(TRequest request, CancellationToken cancellationToken, RequestHandlerDelegate<TResponse> next)
    {
        ArgumentNullException.ThrowIfNull(next);
        if (request is not ICommand<TResponse>)
        {
            return await retry.ExecuteAsync(async _ => await next(), cancellationToken);
        }

        return await retry.ExecuteAsync(
            async ct =>
            {
                await session.BeginAsync(ct);
                try
                {
                    if (idempotent.Key is not null)
                    {
                        await keys.ClaimAsync(session, idempotent, ct);
                    }

                    var response = await next();
                    if (!idempotent.Claimed)
                    {
                        await session.CommitAsync(ct);
                    }

                    // else the HTTP edge stores the answer in this transaction, then commits it.
                    return response;
                }
                catch
                {
                    idempotent.Claimed = false;
                    await session.RollbackAsync();
                    throw;
                }
            },
            cancellationToken);
    }
}
