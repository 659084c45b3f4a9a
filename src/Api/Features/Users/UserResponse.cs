using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Users;

/// <summary>A new user and their first API key, shown this once: only its hash is stored.</summary>
public sealed record CreatedUserResponse(long Id, string Name, Role Role, long? TeamId, string ApiKey, long ApiKeyId) : IVersioned
{
    /// <summary>A new user's version (its row starts at 1): answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;
}

public sealed record UserResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public Role Role { get; init; }

    public long? TeamId { get; init; }
}
