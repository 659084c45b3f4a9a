namespace DealPipeline.Api.Features.Chains;

public sealed record AddChainLink(long ChainId, string? Name, string? Position, long? ParentId, IReadOnlyList<long>? SectorIds) : ICommand<ChainLinkResponse>, IChainLinkFields, IAudited
{
    string IAudited.AuditEntity => "chainLink";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class AddChainLinkHandler(ChainStore chains) : IRequestHandler<AddChainLink, ChainLinkResponse>
{
    public async Task<ChainLinkResponse> Handle(AddChainLink request, CancellationToken cancellationToken)
    {
        var parents = await chains.GetParentsAsync(request.ChainId, cancellationToken);
        var fields = await chains.CheckLinkAsync(request.ChainId, null, request, parents, cancellationToken);
        var id = await chains.AddLinkAsync(request.ChainId, fields, cancellationToken);
        return await chains.GetLinkAsync(request.ChainId, id, cancellationToken);
    }
}
