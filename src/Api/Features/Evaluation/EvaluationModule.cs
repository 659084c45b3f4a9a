using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Evaluation;

public sealed class EvaluationModule : IModule
{
    public void AddServices(IServiceCollection services)
    {
        services.AddScoped<CriteriaSetStore>();
        services.AddScoped<DealScoreStore>();
    }

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var sets = api.MapGroup("/criteria-sets").WithTags("Evaluation");
        sets.MapCreate<CreateCriteriaSet, CriteriaSetResponse>()
            .Describe("CreateCriteriaSet", Policies.Admin, "Adds an evaluation index (指标评价体系): criteria with weights summing to 100 points, bands of the total, and veto items (一票否决).")
            .WithDescription(
                "Each criterion {key, name, weight, guide} is scored from 0 to its weight; weights are whole points summing to 100 (400 on criteria " +
                "otherwise, code criteria.weights). Each band {key, name, minScore}: a total falls in the band with the highest minScore it reaches; one " +
                "band starts at 0. Each veto item {key, name}: a veto that applies puts the deal in the band vetoed. Keys are unique in their list.")
            .WithProblems(400, 409);
        sets.MapQuery<ListCriteriaSets, Page<CriteriaSetResponse>>("/")
            .Describe("ListCriteriaSets", Policies.Read, "Lists the criteria sets in id order, each as its current revision defines it.")
            .WithProblems(400);
        sets.MapGet("/{id:long}/revisions/{revision:int}", async (long id, int revision, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetCriteriaSet(id, revision), ct)))
            .Describe("GetCriteriaSetRevision", Policies.Read, "Reads a criteria set as one of its revisions defined it: the definition an older score was given under.")
            .WithProblems(404);
        sets.MapReadAndCorrect<CriteriaSetResponse, CreateCriteriaSet>(
                "criteria set", Policies.Admin, id => new GetCriteriaSet(id), (id, patch, ifMatch) => new PatchCriteriaSet(id, patch, ifMatch), operationName: "CriteriaSet")
            .WithDescription(
                "Arrays are replaced whole. A change to the criteria, bands or vetoes of a revision that deals were scored under makes a new revision " +
                "(revision one more): the old scores keep theirs (GET /criteria-sets/{id}/revisions/{revision}). A revision without scores is corrected in place.");

        api.MapPost("/deals/{id:long}/scores", async (long id, ScoreBody body, IMediator mediator, CancellationToken ct) =>
            {
                var score = await mediator.Send(new AddDealScore(id, body.CriteriaSetId, body.Scores, body.Vetoes, body.Note), ct);
                return TypedResults.Created($"/api/v1/deals/{id}/scores", score);
            })
            .WithTags("Deals").Describe("ScoreDeal", Policies.WorkDeals, "Scores a deal the caller may change under the current revision of a criteria set: every criterion once, each veto that applies with its reason.")
            .WithDescription(
                "Each score is from 0 to its criterion's weight, with at most one decimal; the total is their sum and the band the one it reaches, or " +
                "vetoed when any veto applies (a veto without a reason is a 400 on vetoes). The deal's evaluation is its latest score; earlier ones " +
                "stay in its history (GET /deals/{id}/scores). Scoring does not change the deal's version.")
            .WithProblems(400, 403, 404);
        api.MapGet("/deals/{id:long}/scores", async (long id, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListDealScores(id), ct)))
            .WithTags("Deals").Describe("ListDealScores", Policies.Read, "The deal's scores, newest first, each with the revision of the criteria set it was given under.")
            .WithProblems(404);
    }
}
