using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using DealPipeline.Api.Http;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

namespace DealPipeline.Api.Features.Parks;

public sealed record ParkResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public string City { get; init; } = "";

    /// <summary>The park's GB/T 2260 region code (its county or city), e.g. 330114.</summary>
    public string? RegionCode { get; init; }
}

public static class ParkEndpoints
{
    public static void MapParks(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/parks").WithTags("Parks");
        group.MapPost("/", async (CreatePark command, IMediator mediator, CancellationToken ct) =>
            {
                var park = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/parks/{park.Id}", park);
            })
            .WithName("CreatePark").Allow(Policies.Admin).WithSummary("Adds a park (园区) where deals may land.")
            .WithProblems(400, 409);
        group.MapGet("/", async ([AsParameters] ListParks query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListParks").Allow(Policies.Read).WithSummary("Lists parks in id order.")
            .WithProblems(400);
        group.MapReadAndCorrect<ParkResponse, CreatePark>("park", Policies.Admin, id => new GetPark(id), (id, patch, ifMatch) => new PatchPark(id, patch, ifMatch));
    }
}

public sealed record CreatePark(string? Name, string? City, string? RegionCode = null) : ICommand<ParkResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "city"];

    public static object Example => new CreatePark("苏州工业园区生物医药产业园", "苏州", "320500");

    string IAudited.AuditEntity => "park";

    string? IAudited.AuditId => null;
}

public sealed class CreateParkValidator : AbstractValidator<CreatePark>
{
    public CreateParkValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.City).RequiredName(Validation.MaxCityLength);
        RuleFor(x => x.RegionCode).RegionCode();
    }
}

public sealed class CreateParkHandler(DbSession session, IClock clock) : IRequestHandler<CreatePark, ParkResponse>
{
    public async Task<ParkResponse> Handle(CreatePark request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        var city = request.City!.Trim();
        var regionCode = string.IsNullOrWhiteSpace(request.RegionCode) ? null : request.RegionCode.Trim();
        var taken = await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM parks WHERE name = @name", new { name }, cancellationToken);
        if (taken > 0)
        {
            throw ProblemException.Conflict($"A park named '{name}' already exists.");
        }

        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("parks", "name, city, region_code, created_at", "@name, @city, @regionCode, @at"),
            new { name, city, regionCode, at = clock.UtcNow },
            cancellationToken);
        return new ParkResponse { Id = id, Name = name, City = city, RegionCode = regionCode };
    }
}

public sealed record ListParks(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<ParkResponse>>, IPagedRequest;

public sealed class ListParksHandler(DbSession session, Cursors cursors) : IRequestHandler<ListParks, Page<ParkResponse>>
{
    public Task<Page<ParkResponse>> Handle(ListParks request, CancellationToken cancellationToken) =>
        ListById.PageAsync<ParkResponse>(session, cursors, request, "SELECT id, name, city, region_code FROM parks WHERE 1 = 1", new { }, cancellationToken);
}
