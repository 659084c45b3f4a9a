namespace DealPipeline.Api.Features.Chains;

/// <summary>A chain's own fields: what it is created with, and what a merge patch corrects.</summary>
public sealed record CreateChain(string? Name, string? Description, IReadOnlyList<long>? ParkIds = null, IReadOnlyList<long>? LeaderCompanyIds = null)
    : ICommand<ChainResponse>, IAudited, Http.IRequestBody
{
    /// <summary>At most this many parks or chain leaders per chain.</summary>
    public const int MaxMembers = 100;

    public static IReadOnlyList<string> Required => ["name"];

    public static object Example => new CreateChain("新能源汽车", "整车、动力电池、电驱电控与充换电", [1], [1]);

    string IAudited.AuditEntity => "chain";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateChainValidator : AbstractValidator<CreateChain>
{
    public CreateChainValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Description).MaximumLength(Validation.MaxTextLength);
        RuleFor(x => x.ParkIds).Ids(CreateChain.MaxMembers);
        RuleFor(x => x.LeaderCompanyIds).Ids(CreateChain.MaxMembers);
    }
}

public sealed class CreateChainHandler(ChainStore chains) : IRequestHandler<CreateChain, ChainResponse>
{
    public async Task<ChainResponse> Handle(CreateChain request, CancellationToken cancellationToken)
    {
        var fields = await chains.CheckChainAsync(request, null, cancellationToken);
        return await chains.GetAsync(await chains.AddChainAsync(fields, cancellationToken), cancellationToken);
    }
}
