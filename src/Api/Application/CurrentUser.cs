namespace DealPipeline.Api.Application;

/// <summary>Who is calling: the user whose key authenticated the request, or null when nobody is identified.</summary>
public interface ICurrentUser
{
    long? UserId { get; }
}

/// <summary>Until API keys exist, requests are not tied to a user: history records no actor and a new deal needs an ownerId.</summary>
public sealed class UnidentifiedCaller : ICurrentUser
{
    public long? UserId => null;
}
