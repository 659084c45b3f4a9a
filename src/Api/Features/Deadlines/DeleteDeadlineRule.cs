using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Deadlines;

public sealed record DeleteDeadlineRule(long Id) : ICommand<Unit>, IChangesOne
{
    string IAudited.AuditEntity => "deadlineRule";

    string IAudited.ChangeKind => ChangeKinds.Deleted;
}

public sealed class DeleteDeadlineRuleHandler(DeadlineRuleStore rules) : IRequestHandler<DeleteDeadlineRule, Unit>
{
    public async Task<Unit> Handle(DeleteDeadlineRule request, CancellationToken cancellationToken)
    {
        if (!await rules.DeleteAsync(request.Id, cancellationToken))
        {
            throw ProblemException.NotFound("deadline rule", request.Id);
        }

        return Unit.Value;
    }
}
