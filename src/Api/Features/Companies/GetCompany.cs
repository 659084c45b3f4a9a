using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Companies;

public sealed record GetCompany(long Id) : IQuery<CompanyResponse>, IGetReference;

/// <summary>The company, or for one merged into another a 301 to the survivor (followed, it reads the survivor).</summary>
public sealed class GetCompanyHandler(ReferenceStore rows) : IRequestHandler<GetCompany, CompanyResponse>
{
    public const string Select = "SELECT id, name, credit_code, country, city, region_code, version, merged_into_id, merged_at FROM companies";

    public async Task<CompanyResponse> Handle(GetCompany request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var company = await rows.GetAsync<CompanyResponse>(Select, request.Id, "company", cancellationToken);
        return company.Merged(StatusCodes.Status301MovedPermanently) is { } moved ? throw moved : company;
    }
}
