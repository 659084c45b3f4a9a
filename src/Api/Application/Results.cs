namespace DealPipeline.Api.Application;

/// <summary>A resource with an id: the id of a created one, for the audit log and the change feed.</summary>
public interface IHasId
{
    long Id { get; }
}

/// <summary>A resource with its version: its ETag, the If-Match of a correction, and the version the change feed records.</summary>
public interface IVersioned : IHasId
{
    int Version { get; }
}

/// <summary>Something that may belong to a deal (an activity, funds in place, a letter signed for one): the change feed records its changes under the deal too.</summary>
public interface IDealScoped
{
    long? DealOf { get; }
}
