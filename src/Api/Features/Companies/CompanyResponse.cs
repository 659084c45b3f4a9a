using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Companies;

public sealed record CompanyResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string? CreditCode { get; init; }

    public string Country { get; init; } = "";

    public string? City { get; init; }

    /// <summary>Where the company comes from: a GB/T 2260 region code (province, city or county), e.g. 330106.</summary>
    public string? RegionCode { get; init; }
}
