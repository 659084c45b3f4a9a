using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Evaluation;

public sealed record PatchCriteriaSet(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<CriteriaSetResponse>, IChangesOne
{
    string IAudited.AuditEntity => "criteriaSet";
}

/// <summary>
/// Corrects a criteria set with a merge patch (arrays replaced whole). A change to the definition of
/// a revision deals were scored under makes a new revision, so that every score keeps the definition
/// it was given under; a revision without scores is corrected in place.
/// </summary>
public sealed class PatchCriteriaSetHandler(CriteriaSetStore criteriaSets, IValidator<CreateCriteriaSet> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchCriteriaSet, CriteriaSetResponse>
{
    public async Task<CriteriaSetResponse> Handle(PatchCriteriaSet request, CancellationToken cancellationToken)
    {
        var current = await criteriaSets.GetAsync(request.Id, null, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateCriteriaSet(current.Name, current.Criteria, current.Bands, current.Vetoes),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var name = await criteriaSets.CheckAsync(merged, current.Id, cancellationToken);
        await criteriaSets.ReviseAsync(current, name, merged.ToDefinition(), cancellationToken);
        return await criteriaSets.GetAsync(current.Id, null, cancellationToken);
    }
}
