using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Companies;

public sealed class CompaniesModule() : ReferenceDataModule<CreateCompany, ListCompanies, CompanyResponse>(
    "/companies", "company", Policies.WorkDeals, ("Adds a company. creditCode is the 18-character unified social credit code; its check character is verified. country is ISO 3166-1 alpha-2.", "Lists companies in id order; q matches part of the name or the credit code."))
{
    protected override IRequest<CompanyResponse> Read(long id) => new GetCompany(id);

    protected override IRequest<CompanyResponse> Correct(long id, JsonElement patch, IfMatch? ifMatch) => new PatchCompany(id, patch, ifMatch);
}
