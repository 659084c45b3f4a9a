namespace DealPipeline.Api.Features.Chains;

/// <summary>A link's own fields: what it is added with, and what a merge patch corrects.</summary>
public interface IChainLinkFields
{
    string? Name { get; }

    /// <summary>upstream, midstream or downstream.</summary>
    string? Position { get; }

    long? ParentId { get; }

    IReadOnlyList<long>? SectorIds { get; }
}

/// <summary>The body that adds a link to a chain, and the fields a merge patch of a link corrects.</summary>
public sealed record ChainLinkBody(string? Name, string? Position, long? ParentId = null, IReadOnlyList<long>? SectorIds = null) : IChainLinkFields, Http.IRequestBody
{
    /// <summary>At most this many sectors per link.</summary>
    public const int MaxSectors = 50;

    public static IReadOnlyList<string> Required => ["name", "position"];

    public static object Example => new ChainLinkBody("基因治疗 CDMO", "midstream", 1, [1]);
}

public sealed class ChainLinkFieldsValidator : AbstractValidator<IChainLinkFields>
{
    public ChainLinkFieldsValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Position).NotEmpty().WithMessage(ProblemTexts.PositionRequiredUpstreamMidstreamDownstream).OneOf<IChainLinkFields, ChainPosition>();
        RuleFor(x => x.ParentId).Id();
        RuleFor(x => x.SectorIds).Ids(ChainLinkBody.MaxSectors);
    }
}
