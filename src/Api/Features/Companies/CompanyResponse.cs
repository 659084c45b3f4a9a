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

    /// <summary>The company this one was merged into, if it was (<see cref="MergeCompany"/>): then its id answers 301 or 410 naming that one.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    internal long? MergedIntoId { get; init; }

    [System.Text.Json.Serialization.JsonIgnore]
    internal DateTimeOffset? MergedAt { get; init; }

    /// <summary>The answer for this company's id once merged: a 301 to the survivor for a read, a 410 naming it for a change; null while on file.</summary>
    internal ProblemException? Merged(int status) =>
        new References.CompanyState { Id = Id, MergedIntoId = MergedIntoId, MergedAt = MergedAt }.Refusal is { } said
            ? MergedCompanies.Problem(status, MergedIntoId!.Value, said)
            : null;
}

/// <summary>The answers about a company merged into another, which name the survivor (as <c>survivorId</c>, and for a read as the Location).</summary>
public static class MergedCompanies
{
    public const string Code = "company.merged";

    public static ProblemException Problem(int status, long survivorId, Message said) =>
        new(status, status == StatusCodes.Status301MovedPermanently ? ProblemTexts.MovedPermanently : ProblemTexts.Gone, said)
        {
            Code = Code,
            Location = status == StatusCodes.Status301MovedPermanently ? $"/api/v1/companies/{survivorId}" : null,
            Extensions = new Dictionary<string, object> { ["survivorId"] = survivorId },
        };
}
