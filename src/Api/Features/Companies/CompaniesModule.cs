using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Companies;

public sealed class CompaniesModule() : ReferenceDataModule<CreateCompany, ListCompanies, CompanyResponse>(
    "/companies", "company", Policies.WorkDeals, ("Adds a company. creditCode is the 18-character unified social credit code; its check character is verified. country is ISO 3166-1 alpha-2.", "Lists companies in id order; q matches part of the name or the credit code."))
{
    protected override IRequest<CompanyResponse> Read(long id) => new GetCompany(id);

    protected override IRequest<CompanyResponse> Correct(long id, JsonElement patch, IfMatch? ifMatch) => new PatchCompany(id, patch, ifMatch);

    protected override void MapMore(RouteGroupBuilder group) =>
        group.MapQuery<FindDuplicateCompanies, DuplicateCompanies>("/duplicates")
            .Describe("FindDuplicateCompanies", Policies.Read, "The companies whose name is a near-duplicate of name: check before adding a company that may already be on file (撞单).")
            .WithDescription(
                "Two names are near-duplicates when they are the same once full-width forms are folded to half-width (ＡＢＣ, （）), case, " +
                "spaces, brackets and punctuation are left out, and so is the legal form at the end (有限公司, 股份有限公司, 有限责任公司, " +
                "Co., Ltd., Inc., Limited …); what is inside brackets stays. key is that comparison key; items the companies sharing it, in " +
                "id order (empty when none). A company with the same credit code is refused on create whatever its name.")
            .WithProblems(400);
}
