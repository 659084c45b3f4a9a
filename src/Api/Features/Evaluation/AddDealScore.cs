using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Features.Deals;

namespace DealPipeline.Api.Features.Evaluation;

public sealed record AddDealScore(long DealId, long? CriteriaSetId, IReadOnlyList<CriterionScore>? Scores, IReadOnlyList<VetoApplied>? Vetoes, string? Note)
    : ICommand<DealScoreResponse>, IAudited
{
    string IAudited.AuditEntity => "dealScore";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class AddDealScoreValidator : AbstractValidator<AddDealScore>
{
    public AddDealScoreValidator()
    {
        RuleFor(x => x.CriteriaSetId).NotNull().WithMessage(ProblemTexts.CriteriaSetIdRequiredCriteriaSetDealScored).Id();
        RuleFor(x => x.Scores).NotNull().WithMessage(ProblemTexts.ScoresRequiredCriterionScore)
            .Must(s => s is null || s.All(c => c is { Criterion: not null, Score: not null })).WithMessage(ProblemTexts.ScoreNamesCriterionGivesScore);
        RuleFor(x => x.Vetoes).Must(v => v is null || v.All(x => x is { Veto: not null })).WithMessage(ProblemTexts.VetoNamesVetoItem);
        RuleFor(x => x.Note).MaximumLength(Validation.MaxTextLength);
    }
}

/// <summary>Scores a deal the caller may change under the current revision of a criteria set; the deal's earlier scores stay in its history.</summary>
public sealed class AddDealScoreHandler(DealScoreStore dealScores, CriteriaSetStore criteriaSets, DealReader reader, DbSession session, ICurrentUser caller) : IRequestHandler<AddDealScore, DealScoreResponse>
{
    public async Task<DealScoreResponse> Handle(AddDealScore request, CancellationToken cancellationToken)
    {
        await reader.LoadAsync(request.DealId, null, cancellationToken);
        if (!await References.ExistsAsync(session, "criteria_sets", request.CriteriaSetId!.Value, cancellationToken))
        {
            throw ProblemException.Invalid("criteriaSetId", ProblemTexts.NoSuch.With(("what", "criteria set"), ("id", request.CriteriaSetId)));
        }

        var set = await criteriaSets.GetAsync(request.CriteriaSetId.Value, null, cancellationToken);
        var scores = request.Scores!;
        if (scores.GroupBy(s => s.Criterion).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            throw ProblemException.Invalid("scores", ProblemTexts.KeyScoredTwice.With(("key", twice.Key)));
        }

        var vetoes = request.Vetoes ?? [];
        if (vetoes.GroupBy(v => v.Veto).FirstOrDefault(g => g.Count() > 1) is { } vetoTwice)
        {
            throw ProblemException.Invalid("vetoes", ProblemTexts.KeyGivenTwice.With(("key", vetoTwice.Key)));
        }

        var (total, band) = new Domain.CriteriaDefinition(set.Criteria, set.Bands, set.Vetoes)
            .Score(scores.ToDictionary(s => s.Criterion!, s => s.Score!.Value), vetoes.ToDictionary(v => v.Veto!, v => v.Reason?.Trim()));
        var id = await dealScores.AddAsync(request, set, total, band, caller.UserId, cancellationToken);
        return await dealScores.GetAsync(id, cancellationToken);
    }
}
