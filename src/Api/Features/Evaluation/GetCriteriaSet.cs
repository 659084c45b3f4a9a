using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Evaluation;

/// <summary>A criteria set as its current revision, or as an earlier revision (<paramref name="Revision"/>) defined it.</summary>
public sealed record GetCriteriaSet(long Id, int? Revision = null) : IQuery<CriteriaSetResponse>;

public sealed class GetCriteriaSetHandler(CriteriaSetStore criteriaSets) : IRequestHandler<GetCriteriaSet, CriteriaSetResponse>
{
    public Task<CriteriaSetResponse> Handle(GetCriteriaSet request, CancellationToken cancellationToken) =>
        criteriaSets.GetAsync(request.Id, request.Revision, cancellationToken);
}
