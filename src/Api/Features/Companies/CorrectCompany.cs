using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace DealPipeline.Api.Features.Companies;

public sealed record GetCompany(long Id) : IQuery<CompanyResponse>;

public sealed class GetCompanyHandler(DbSession session) : IRequestHandler<GetCompany, CompanyResponse>
{
    public const string Select = "SELECT id, name, credit_code, country, city, version FROM companies";

    public Task<CompanyResponse> Handle(GetCompany request, CancellationToken cancellationToken) =>
        ReferenceData.GetAsync<CompanyResponse>(session, Select, request.Id, "company", cancellationToken);
}

public sealed record PatchCompany(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<CompanyResponse>, IAudited
{
    string IAudited.AuditEntity => "company";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class PatchCompanyHandler(DbSession session, IValidator<CreateCompany> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchCompany, CompanyResponse>
{
    public async Task<CompanyResponse> Handle(PatchCompany request, CancellationToken cancellationToken)
    {
        var current = await ReferenceData.GetAsync<CompanyResponse>(session, GetCompanyHandler.Select, request.Id, "company", cancellationToken);
        var fields = await ReferenceData.MergeAsync(
            new CreateCompany(current.Name, current.CreditCode, current.Country, current.City),
            current.Version,
            request.Patch,
            request.ExpectedVersion,
            validator,
            json.Value.SerializerOptions,
            cancellationToken);
        var changed = CreateCompanyHandler.Normalise(fields) with { Id = current.Id, Version = current.Version + 1 };
        await ReferenceData.UpdateAsync(
            session, "companies", "name = @Name, credit_code = @CreditCode, country = @Country, city = @City", current, new { changed.Name, changed.CreditCode, changed.Country, changed.City }, cancellationToken);
        return changed;
    }
}
