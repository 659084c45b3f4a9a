using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using DealPipeline.Api.Http;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

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

public static class CompanyEndpoints
{
    public static void MapCompanies(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/companies").WithTags("Companies");
        group.MapPost("/", async (CreateCompany command, IMediator mediator, CancellationToken ct) =>
            {
                var company = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/companies/{company.Id}", company);
            })
            .WithName("CreateCompany").Allow(Policies.WorkDeals)
            .WithSummary("Adds a company. creditCode is the 18-character unified social credit code; its check character is verified. country is ISO 3166-1 alpha-2.")
            .WithProblems(400, 409);
        group.MapGet("/", async ([AsParameters] ListCompanies query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListCompanies").Allow(Policies.Read).WithSummary("Lists companies in id order; q matches part of the name or the credit code.")
            .WithProblems(400);
        group.MapReadAndCorrect<CompanyResponse, CreateCompany>("company", Policies.WorkDeals, id => new GetCompany(id), (id, patch, ifMatch) => new PatchCompany(id, patch, ifMatch));
    }
}

public sealed record CreateCompany(string? Name, string? CreditCode, string? Country, string? City, string? RegionCode = null) : ICommand<CompanyResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "country"];

    public static object Example => new CreateCompany("苏州合成生物科技有限公司", null, "CN", "苏州", "320500");

    string IAudited.AuditEntity => "company";

    string? IAudited.AuditId => null;
}

public sealed class CreateCompanyValidator : AbstractValidator<CreateCompany>
{
    public CreateCompanyValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.CreditCode)
            .Must(code => code is null || CreditCode.IsValid(code.Trim().ToUpperInvariant()))
            .WithMessage("'creditCode' is not a valid unified social credit code (18 characters, check character last).");
        RuleFor(x => x.Country)
            .Must(c => IsoCodes.IsCountry(c?.Trim().ToUpperInvariant()))
            .WithMessage("'country' is required: an ISO 3166-1 alpha-2 code such as CN or US.");
        RuleFor(x => x.City).MaximumLength(Validation.MaxCityLength);
        RuleFor(x => x.RegionCode).RegionCode();
        RuleFor(x => x.CreditCode).Must(code => code is null || !CreditCode.IsValid(code.Trim().ToUpperInvariant()) || Regions.IsCreditCodeAuthority(code.Trim().ToUpperInvariant()))
            .WithMessage("'creditCode' names no registration authority of a province of China (characters 3 and 4).");
    }
}

public sealed class CreateCompanyHandler(DbSession session, IClock clock) : IRequestHandler<CreateCompany, CompanyResponse>
{
    public async Task<CompanyResponse> Handle(CreateCompany request, CancellationToken cancellationToken)
    {
        var company = Normalise(request);
        if (company.CreditCode is not null
            && await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM companies WHERE credit_code = @CreditCode", company, cancellationToken) > 0)
        {
            throw ProblemException.Conflict($"A company with credit code {company.CreditCode} already exists.");
        }

        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("companies", "name, credit_code, country, city, region_code, created_at", "@Name, @CreditCode, @Country, @City, @RegionCode, @At"),
            new { company.Name, company.CreditCode, company.Country, company.City, company.RegionCode, At = clock.UtcNow },
            cancellationToken);
        return company with { Id = id };
    }

    /// <summary>A company's fields as stored: trimmed, codes in capitals, an empty city none.</summary>
    public static CompanyResponse Normalise(CreateCompany fields)
    {
        ArgumentNullException.ThrowIfNull(fields);
        return new CompanyResponse
        {
            Name = fields.Name!.Trim(),
            CreditCode = string.IsNullOrWhiteSpace(fields.CreditCode) ? null : fields.CreditCode.Trim().ToUpperInvariant(),
            Country = fields.Country!.Trim().ToUpperInvariant(),
            City = string.IsNullOrWhiteSpace(fields.City) ? null : fields.City.Trim(),
            RegionCode = string.IsNullOrWhiteSpace(fields.RegionCode) ? null : fields.RegionCode.Trim(),
        };
    }
}

public sealed record ListCompanies(string? Q, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<CompanyResponse>>, IPagedRequest;

public sealed class ListCompaniesValidator : AbstractValidator<ListCompanies>
{
    public ListCompaniesValidator()
    {
        RuleFor(x => x.Q).MaximumLength(Validation.MaxNameLength);
    }
}

public sealed class ListCompaniesHandler(DbSession session, Cursors cursors) : IRequestHandler<ListCompanies, Page<CompanyResponse>>
{
    public Task<Page<CompanyResponse>> Handle(ListCompanies request, CancellationToken cancellationToken) =>
        ListById.PageAsync<CompanyResponse>(
            session,
            cursors,
            request,
            "SELECT id, name, credit_code, country, city, region_code FROM companies " +
            $"WHERE (@q IS NULL OR name {session.Dialect.CaseInsensitiveLike} @q ESCAPE '\\' OR credit_code {session.Dialect.CaseInsensitiveLike} @q ESCAPE '\\')",
            new { q = string.IsNullOrWhiteSpace(request.Q) ? null : SqlDialect.Contains(request.Q.Trim()) },
            cancellationToken);
}
