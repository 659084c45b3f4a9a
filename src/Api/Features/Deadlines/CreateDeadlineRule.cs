using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Deadlines;

public sealed record CreateDeadlineRule(string? Name, decimal? MinIntendedInvestment, SpanBody? AnswerWithin = null, SpanBody? AssessWithin = null, SpanBody? ReportEvery = null)
    : ICommand<DeadlineRuleResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "minIntendedInvestment"];

    public static object Example => new CreateDeadlineRule("亿元以上项目", 100_000_000m, new SpanBody(1, "workingDays"), new SpanBody(3, "workingDays"), new SpanBody(14, "days"));

    string IAudited.AuditEntity => "deadlineRule";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateDeadlineRuleValidator : AbstractValidator<CreateDeadlineRule>
{
    public CreateDeadlineRuleValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.MinIntendedInvestment).NotNull().WithMessage(ProblemTexts.MinIntendedInvestmentRequiredClassLeadIntendedInvestment).Amount();
        Span(x => x.AnswerWithin, "answerWithin");
        Span(x => x.AssessWithin, "assessWithin");
        Span(x => x.ReportEvery, "reportEvery");
        RuleFor(x => x).Must(r => r.AnswerWithin is not null || r.AssessWithin is not null || r.ReportEvery is not null).WithName("answerWithin")
            .WithMessage(ProblemTexts.RuleSetsLeastOneDeadlineAnswerWithin);
    }

    private void Span(System.Linq.Expressions.Expression<Func<CreateDeadlineRule, SpanBody?>> span, string field)
    {
        RuleFor(span).ChildRules(s =>
        {
            s.RuleFor(x => x!.Count).NotNull().WithName($"{field}.count").WithMessage(ProblemTexts.FieldCountRequiredWholeNumberDays.With(("field", field)))
                .InclusiveBetween(1, DeadlineSpan.MaxCount).WithName($"{field}.count").WithMessage(ProblemTexts.FieldCountFrom1Max.With(("field", field), ("max", DeadlineSpan.MaxCount)));
            s.RuleFor(x => x!.Unit).Must(u => Names.TryParse<DeadlineUnit>(u, out _)).WithName($"{field}.unit")
                .WithMessage(ProblemTexts.FieldUnitRequiredWorkingDaysOfficeCalendar.With(("field", field)));
        }).When(r => span.Compile()(r) is not null);
    }
}

public sealed class CreateDeadlineRuleHandler(DeadlineRuleStore rules) : IRequestHandler<CreateDeadlineRule, DeadlineRuleResponse>
{
    public async Task<DeadlineRuleResponse> Handle(CreateDeadlineRule request, CancellationToken cancellationToken)
    {
        var fields = await rules.CheckAsync(request, null, cancellationToken);
        return await rules.GetAsync(await rules.AddAsync(fields, cancellationToken), cancellationToken);
    }
}
