using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Companies;

public sealed record ListCompanies(string? Q, int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<CompanyResponse>>, IPagedRequest;

public sealed class ListCompaniesValidator : AbstractValidator<ListCompanies>
{
    public ListCompaniesValidator()
    {
        RuleFor(x => x.Q).MaximumLength(Validation.MaxNameLength);
    }
}

public sealed class ListCompaniesHandler(IdPages pages, DbSession session) : IRequestHandler<ListCompanies, Page<CompanyResponse>>
{
    public Task<Page<CompanyResponse>> Handle(ListCompanies request, CancellationToken cancellationToken) =>
        pages.PageAsync<CompanyResponse>(request,
            "SELECT id, name, credit_code, country, city, region_code FROM companies " +
            $"WHERE {new SqlWhere("merged_into_id IS NULL").When(!string.IsNullOrWhiteSpace(request.Q), $"(name {session.Dialect.CaseInsensitiveLike} @q ESCAPE '\\' OR credit_code {session.Dialect.CaseInsensitiveLike} @q ESCAPE '\\')")}",
            new { q = string.IsNullOrWhiteSpace(request.Q) ? null : SqlDialect.Contains(request.Q.Trim()) },
            cancellationToken);
}
