namespace DealPipeline.Api.Features.Deals;

/// <summary>
/// What the deal filter needs of industry chains (chainLinkId keeps the deals of a link and every link below it),
/// declared here and implemented by the Chains area, which depends on Deals: so that Deals does not depend on Chains.
/// </summary>
public interface IChainLinkScope
{
    /// <summary>The link and every link below it; a 400 naming <paramref name="field"/> when there is no such link.</summary>
    Task<long[]> SubtreeAsync(long linkId, string field, CancellationToken cancellationToken);
}
