using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Chains;

public sealed record PatchChain(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<ChainResponse>, IChangesOne
{
    string IAudited.AuditEntity => "chain";
}

/// <summary>Corrects a chain's name, description, parks and leaders with a merge patch (arrays are replaced whole); its links have their own resource.</summary>
public sealed class PatchChainHandler(ChainStore chains, IValidator<CreateChain> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchChain, ChainResponse>
{
    public async Task<ChainResponse> Handle(PatchChain request, CancellationToken cancellationToken)
    {
        var current = await chains.GetAsync(request.Id, cancellationToken);
        var merged = await ReferenceData.MergeAsync(
            new CreateChain(current.Name, current.Description, current.ParkIds, current.LeaderCompanyIds),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var fields = await chains.CheckChainAsync(merged, current.Id, cancellationToken);
        await chains.UpdateChainAsync(current, fields, cancellationToken);
        return await chains.GetAsync(current.Id, cancellationToken);
    }
}
