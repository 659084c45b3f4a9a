using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using Microsoft.AspNetCore.Mvc;

namespace DealPipeline.Api.Features.Users;

/// <summary>A key as its owner sees it later: never the key itself, only its first characters.</summary>
public sealed record ApiKeyResponse : IHasId
{
    public long Id { get; init; }

    public string Prefix { get; init; } = "";

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? LastUsedAt { get; init; }

    public DateTimeOffset? RevokedAt { get; init; }
}

/// <summary>A new key, shown this once.</summary>
public sealed record CreatedApiKeyResponse(long Id, string ApiKey, string Prefix, DateTimeOffset CreatedAt) : IHasId;
