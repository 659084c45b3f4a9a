using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Deadlines;

public sealed record GetDeadlineRule(long Id) : IQuery<DeadlineRuleResponse>;

public sealed class GetDeadlineRuleHandler(DeadlineRuleStore rules) : IRequestHandler<GetDeadlineRule, DeadlineRuleResponse>
{
    public Task<DeadlineRuleResponse> Handle(GetDeadlineRule request, CancellationToken cancellationToken) => rules.GetAsync(request.Id, cancellationToken);
}
