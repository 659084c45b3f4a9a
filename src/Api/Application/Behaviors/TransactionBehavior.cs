using DealPipeline.Infrastructure;
using MediatR;
using Polly;

namespace DealPipeline.Api.Application.Behaviors;

/// <summary>
/// A command runs in one transaction, committed when its handler returns and rolled back when it
/// throws; on a transient fault the whole unit of work is retried (see <see cref="TransientFaults"/>).
/// Queries get the retry but no transaction.
/// </summary>
public sealed class TransactionBehavior<TRequest, TResponse>(DbSession session, ResiliencePipeline retry)
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
                    var response = await next();
                    await session.CommitAsync(ct);
                    return response;
                }
                catch
                {
                    await session.RollbackAsync();
                    throw;
                }
            },
            cancellationToken);
    }
}
