using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Companies;

public sealed record GetCompany(long Id) : IQuery<CompanyResponse>, IGetReference;

public sealed class GetCompanyHandler(ReferenceStore rows) : GetReferenceHandler<GetCompany, CompanyResponse>(rows, Select, "company")
{
    public const string Select = "SELECT id, name, credit_code, country, city, region_code, version FROM companies";
}
