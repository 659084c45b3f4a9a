using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Deadlines;

public sealed record PatchDeadlineRule(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<DeadlineRuleResponse>, IChangesOne
{
    string IAudited.AuditEntity => "deadlineRule";
}

public sealed class PatchDeadlineRuleHandler(DeadlineRuleStore rules, IValidator<CreateDeadlineRule> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchDeadlineRule, DeadlineRuleResponse>
{
    public async Task<DeadlineRuleResponse> Handle(PatchDeadlineRule request, CancellationToken cancellationToken)
    {
        var current = await rules.GetAsync(request.Id, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateDeadlineRule(current.Name, current.MinIntendedInvestment, current.AnswerWithin, current.AssessWithin, current.ReportEvery),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var fields = await rules.CheckAsync(merged, current.Id, cancellationToken);
        await rules.UpdateAsync(current, fields, cancellationToken);
        return await rules.GetAsync(current.Id, cancellationToken);
    }
}
