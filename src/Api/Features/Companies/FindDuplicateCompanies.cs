using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Companies;

/// <summary>The companies whose name is a near-duplicate of a name: the same once width, case, spaces, brackets, punctuation and the legal form are left out.</summary>
public sealed record DuplicateCompanies(string Key, IReadOnlyList<CompanyResponse> Items);

public sealed record FindDuplicateCompanies(string? Name) : IQuery<DuplicateCompanies>;

public sealed class FindDuplicateCompaniesValidator : AbstractValidator<FindDuplicateCompanies>
{
    public FindDuplicateCompaniesValidator()
    {
        RuleFor(x => x.Name).RequiredName()
            .Must(n => n is null || CompanyNames.KeyOf(n).Length > 0).WithMessage(ProblemTexts.NameHasNoLettersOrDigits);
    }
}

/// <summary>
/// Reads every company's name and compares keys in memory: an office keeps thousands of companies, not millions,
/// and the key (NFKC, legal forms) is not computed the same way by the three databases.
/// </summary>
public sealed class FindDuplicateCompaniesHandler(DbSession session) : IRequestHandler<FindDuplicateCompanies, DuplicateCompanies>
{
    public async Task<DuplicateCompanies> Handle(FindDuplicateCompanies request, CancellationToken cancellationToken)
    {
        var key = CompanyNames.KeyOf(request.Name!);
        var companies = await session.QueryAsync<CompanyResponse>(
            "SELECT id, name, credit_code, country, city, region_code FROM companies WHERE merged_into_id IS NULL ORDER BY id", null, cancellationToken);
        return new DuplicateCompanies(key, [.. companies.Where(c => CompanyNames.KeyOf(c.Name) == key)]);
    }
}
