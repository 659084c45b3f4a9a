namespace DealPipeline.Api.Application;

/// <summary>
/// An <c>If-Match</c> condition (RFC 9110 §13.1.1): the versions whose strong ETags it lists. A weak
/// tag, or a tag that is not one of our versions, matches nothing, so the request answers 412 like
/// any stale tag; <c>*</c> (any current representation) is no condition for a resource that exists.
/// </summary>
public sealed record IfMatch(IReadOnlySet<int> Versions)
{
    public bool Allows(int version) => Versions.Contains(version);
}
