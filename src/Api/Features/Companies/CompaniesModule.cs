using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Companies;

public sealed class CompaniesModule() : ReferenceDataModule<CreateCompany, ListCompanies, CompanyResponse>(
    "/companies", "company", Policies.WorkDeals, ("Adds a company. creditCode is the 18-character unified social credit code; its check character is verified. country is ISO 3166-1 alpha-2.", "Lists companies in id order; q matches part of the name or the credit code. A company merged into another is left out (its id answers 301 to the survivor)."))
{
    public override void AddServices(IServiceCollection services) => services.AddScoped<CompanyMerges>();

    protected override int[] ReadProblems => [StatusCodes.Status301MovedPermanently];

    protected override int[] CorrectProblems => [StatusCodes.Status410Gone];

    protected override IRequest<CompanyResponse> Read(long id) => new GetCompany(id);

    protected override IRequest<CompanyResponse> Correct(long id, JsonElement patch, IfMatch? ifMatch) => new PatchCompany(id, patch, ifMatch);

    protected override void MapMore(RouteGroupBuilder group)
    {
        group.MapQuery<FindDuplicateCompanies, DuplicateCompanies>("/duplicates")
            .Describe("FindDuplicateCompanies", Policies.Read, "The companies whose name is a near-duplicate of name: check before adding a company that may already be on file (撞单).")
            .WithProse("""
                Two names are near-duplicates when they are the same once full-width forms are folded to half-width (ＡＢＣ, （）),
                case, spaces, brackets and punctuation are left out, and so is the legal form at the end (有限公司, 股份有限公司,
                有限责任公司, Co., Ltd., Inc., Limited …); what is inside brackets stays. key is that comparison key; items the
                companies sharing it, in id order (empty when none). A company with the same credit code is refused on create
                whatever its name.
                """)
            .WithProblems(400);

        group.MapPost("/{id:long}/merge", async (long id, MergeCompanyBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(body.DryRun
                    ? await mediator.Send(new PreviewCompanyMerge(id, body.SurvivorId), ct)
                    : await mediator.Send(new MergeCompany(id, body.SurvivorId, body.Reason), ct)))
            .Describe("MergeCompany", Policies.Manage, "Merges a company entered twice into the one that stays (survivorId); with dryRun, only says what would move.")
            .WithProse("""
                The merged company's live deals become the survivor's, and so do the deals it referred (referrerCompanyId);
                their activities and letters go with them; the chains it leads, the links it is attached to and its claims
                become the survivor's (claims of two different units holding on the two companies are a 409,
                company.mergeJoinsClaims: settle them first). Each moved deal's version moves on and it is audited, in the
                change feed and in webhooks (deal.updated) as a change of its own; the merge itself is audited as the merged
                company (kind merged), with reason. A credit code the merged company had and the survivor lacked goes to the
                survivor; two different credit codes are two legal entities and a 409 (company.creditCodesDiffer), and so is a
                deal of one referred by the other, which would be referred by its own company
                (company.mergeMakesSelfReferral). Afterwards the merged id answers a read with 301 to the survivor and a
                change with 410, both naming survivorId (code company.merged), and a new deal, chain leader or link naming it
                is refused with the survivor's id; the companies list and the duplicate search leave it out. dryRun answers
                the same figures and writes nothing; reason is required for the merge itself. A company merged into itself, or
                into one merged away, is a 400 on survivorId.
                """)
            .WithProblems(400, 404, 409, 410, 412);
    }
}
