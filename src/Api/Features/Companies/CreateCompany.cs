using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Companies;

public sealed record CreateCompany(string? Name, string? CreditCode, string? Country, string? City, string? RegionCode = null) : ICommand<CompanyResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "country"];

    public static object Example => new CreateCompany("苏州合成生物科技有限公司", null, "CN", "苏州", "320500");

    string IAudited.AuditEntity => "company";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateCompanyValidator : AbstractValidator<CreateCompany>
{
    public CreateCompanyValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.CreditCode)
            .Must(code => code is null || CreditCode.IsValid(code.Trim().ToUpperInvariant()))
            .WithMessage(ProblemTexts.CreditCodeNotValidUnifiedSocialCredit);
        RuleFor(x => x.Country)
            .Must(c => IsoCodes.IsCountry(c?.Trim().ToUpperInvariant()))
            .WithMessage(ProblemTexts.CountryRequiredISO31661Alpha);
        RuleFor(x => x.City).MaximumLength(Validation.MaxCityLength);
        RuleFor(x => x.RegionCode).RegionCode();
        RuleFor(x => x.CreditCode).Must(code => code is null || !CreditCode.IsValid(code.Trim().ToUpperInvariant()) || Regions.IsCreditCodeAuthority(code.Trim().ToUpperInvariant()))
            .WithMessage(ProblemTexts.CreditCodeNamesNoRegistrationAuthorityProvince);
    }
}

public sealed class CreateCompanyHandler(ReferenceStore rows, IClock clock) : IRequestHandler<CreateCompany, CompanyResponse>
{
    public async Task<CompanyResponse> Handle(CreateCompany request, CancellationToken cancellationToken)
    {
        var company = Normalise(request);
        if (company.CreditCode is not null && await rows.TakenAsync("companies", "credit_code", company.CreditCode, null, cancellationToken))
        {
            throw ProblemException.Conflict(ProblemTexts.CompanyCreditCodeCodeAlreadyExists.With(("code", company.CreditCode)));
        }

        var id = await InsertAsync(rows, company, clock.UtcNow, cancellationToken);
        return company with { Id = id };
    }

    /// <summary>Adds a company checked already (normalised, its credit code free); answers its id. Shared with the ledger import.</summary>
    public static Task<long> InsertAsync(ReferenceStore rows, CompanyResponse company, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(company);
        return rows.InsertAsync(
            "companies",
            "name, credit_code, country, city, region_code, created_at",
            "@Name, @CreditCode, @Country, @City, @RegionCode, @At",
            new { company.Name, company.CreditCode, company.Country, company.City, company.RegionCode, At = at },
            cancellationToken);
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
