using System.Text.Json;
using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;
using Microsoft.Extensions.Options;

namespace DealPipeline.Api.Features.Parks;

public sealed record GetPark(long Id) : IQuery<ParkResponse>;

public sealed class GetParkHandler(DbSession session) : IRequestHandler<GetPark, ParkResponse>
{
    public const string Select = "SELECT id, name, city, version FROM parks";

    public Task<ParkResponse> Handle(GetPark request, CancellationToken cancellationToken) =>
        ReferenceData.GetAsync<ParkResponse>(session, Select, request.Id, "park", cancellationToken);
}

public sealed record PatchPark(long Id, JsonElement Patch, IfMatch? ExpectedVersion) : ICommand<ParkResponse>, IAudited
{
    string IAudited.AuditEntity => "park";

    string? IAudited.AuditId => Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
}

public sealed class PatchParkHandler(DbSession session, IValidator<CreatePark> validator, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json)
    : IRequestHandler<PatchPark, ParkResponse>
{
    public async Task<ParkResponse> Handle(PatchPark request, CancellationToken cancellationToken)
    {
        var current = await ReferenceData.GetAsync<ParkResponse>(session, GetParkHandler.Select, request.Id, "park", cancellationToken);
        var fields = await ReferenceData.MergeAsync(
            new CreatePark(current.Name, current.City), current.Version, request.Patch, request.ExpectedVersion, validator, json.Value.SerializerOptions, cancellationToken);
        var changed = current with { Name = fields.Name!.Trim(), City = fields.City!.Trim(), Version = current.Version + 1 };
        await ReferenceData.UpdateAsync(session, "parks", "name = @Name, city = @City", current, new { changed.Name, changed.City }, cancellationToken);
        return changed;
    }
}
