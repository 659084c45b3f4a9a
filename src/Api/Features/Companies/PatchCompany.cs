using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Companies;

public sealed record PatchCompany(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<CompanyResponse>, IChangesOne, IPatchReference
{
    string IAudited.AuditEntity => "company";
}

public sealed class PatchCompanyHandler(ReferenceStore rows, IValidator<CreateCompany> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : PatchReferenceHandler<PatchCompany, CompanyResponse, CreateCompany>(rows, validator, json, GetCompanyHandler.Select, "company", "companies")
{
    protected override void RequireCorrectable(CompanyResponse current)
    {
        ArgumentNullException.ThrowIfNull(current);
        if (current.Merged(StatusCodes.Status410Gone) is { } gone)
        {
            throw gone;
        }
    }

    protected override CreateCompany FieldsOf(CompanyResponse current) => new(current.Name, current.CreditCode, current.Country, current.City, current.RegionCode);

    protected override Task<(CompanyResponse Changed, string Set, object Columns)> ApplyAsync(CompanyResponse current, CreateCompany fields, CancellationToken cancellationToken)
    {
        var changed = CreateCompanyHandler.Normalise(fields) with { Id = current.Id, Version = current.Version + 1 };
        return Task.FromResult<(CompanyResponse, string, object)>((
            changed,
            "name = @Name, credit_code = @CreditCode, country = @Country, city = @City, region_code = @RegionCode",
            new { changed.Name, changed.CreditCode, changed.Country, changed.City, changed.RegionCode }));
    }
}
