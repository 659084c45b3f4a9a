using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Companies;

public sealed class CompaniesModule : IModule
{
    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/companies").WithTags("Companies");
        group.MapCreate<CreateCompany, CompanyResponse>()
            .WithName("CreateCompany").Allow(Policies.WorkDeals)
            .WithSummary("Adds a company. creditCode is the 18-character unified social credit code; its check character is verified. country is ISO 3166-1 alpha-2.")
            .WithProblems(400, 409);
        group.MapQuery<ListCompanies, Page<CompanyResponse>>("/")
            .WithName("ListCompanies").Allow(Policies.Read).WithSummary("Lists companies in id order; q matches part of the name or the credit code.")
            .WithProblems(400);
        group.MapReadAndCorrect<CompanyResponse, CreateCompany>("company", Policies.WorkDeals, id => new GetCompany(id), (id, patch, ifMatch) => new PatchCompany(id, patch, ifMatch));
    }
}
