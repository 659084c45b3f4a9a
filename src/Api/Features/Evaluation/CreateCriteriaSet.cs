using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Evaluation;

public sealed record CreateCriteriaSet(string? Name, IReadOnlyList<Criterion>? Criteria, IReadOnlyList<ScoreBand>? Bands, IReadOnlyList<VetoItem>? Vetoes = null)
    : ICommand<CriteriaSetResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "criteria", "bands"];

    public static object Example => new CreateCriteriaSet(
        "招商项目评价指标",
        [new("investmentPerMu", "亩均投资强度", 30, "≥ 500 万元/亩 满分"), new("taxPerMu", "亩均税收", 30, "≥ 50 万元/亩 满分"), new("sectorFit", "产业匹配度", 20), new("technology", "技术水平", 20)],
        [new("A", "优先引进", 85), new("B", "积极引进", 70), new("C", "审慎引进", 60), new("D", "暂不引进", 0)],
        [new("environment", "环保不达标")]);

    string IAudited.AuditEntity => "criteriaSet";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;

    public CriteriaDefinition ToDefinition() => new(Criteria ?? [], Bands ?? [], Vetoes ?? []);
}

public sealed class CreateCriteriaSetValidator : AbstractValidator<CreateCriteriaSet>
{
    public CreateCriteriaSetValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Criteria).NotNull().WithMessage(ProblemTexts.CriteriaRequiredCriterionKeyNameWeight);
        RuleFor(x => x.Bands).NotNull().WithMessage(ProblemTexts.BandsRequiredBandKeyNameMinScore);
    }
}

public sealed class CreateCriteriaSetHandler(CriteriaSetStore criteriaSets) : IRequestHandler<CreateCriteriaSet, CriteriaSetResponse>
{
    public async Task<CriteriaSetResponse> Handle(CreateCriteriaSet request, CancellationToken cancellationToken)
    {
        var name = await criteriaSets.CheckAsync(request, null, cancellationToken);
        var id = await criteriaSets.AddAsync(name, request.ToDefinition(), cancellationToken);
        return await criteriaSets.GetAsync(id, null, cancellationToken);
    }
}
