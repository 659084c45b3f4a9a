using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Chains;

public sealed record PatchChainLink(long ChainId, long LinkId, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<ChainLinkResponse>, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => LinkId.ToString(System.Globalization.CultureInfo.InvariantCulture);

    string IAudited.ChangeKind => ChangeKinds.Updated;
}

/// <summary>Renames a link, moves it along the chain or under another link, or changes its sectors, with a merge patch.</summary>
public sealed class PatchChainLinkHandler(ChainStore chains, IValidator<IChainLinkFields> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchChainLink, ChainLinkResponse>
{
    public async Task<ChainLinkResponse> Handle(PatchChainLink request, CancellationToken cancellationToken)
    {
        var current = await chains.GetLinkAsync(request.ChainId, request.LinkId, cancellationToken);
        var merged = await ReferenceData.MergeAsync<ChainLinkBody>(
            new ChainLinkBody(current.Name, Names.Of(current.Position), current.ParentId, current.SectorIds),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var parents = await chains.GetParentsAsync(request.ChainId, cancellationToken);
        var fields = await chains.CheckLinkAsync(request.ChainId, current.Id, merged, parents, cancellationToken);
        await chains.UpdateLinkAsync(current, fields, cancellationToken);
        return await chains.GetLinkAsync(request.ChainId, current.Id, cancellationToken);
    }
}
