using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Parks;

public sealed record CreatePark(string? Name, string? City, string? RegionCode = null) : ICommand<ParkResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "city"];

    public static object Example => new CreatePark("苏州工业园区生物医药产业园", "苏州", "320500");

    string IAudited.AuditEntity => "park";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
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

public sealed class CreateParkHandler(ReferenceStore rows, IClock clock) : IRequestHandler<CreatePark, ParkResponse>
{
    public async Task<ParkResponse> Handle(CreatePark request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        var city = request.City!.Trim();
        var regionCode = string.IsNullOrWhiteSpace(request.RegionCode) ? null : request.RegionCode.Trim();
        if (await rows.TakenAsync("parks", "name", name, null, cancellationToken))
        {
            throw ProblemException.Conflict(ProblemTexts.ParkNamedNameAlreadyExists.With(("name", name)));
        }

        var id = await rows.InsertAsync("parks", "name, city, region_code, created_at", "@name, @city, @regionCode, @at", new { name, city, regionCode, at = clock.UtcNow }, cancellationToken);
        return new ParkResponse { Id = id, Name = name, City = city, RegionCode = regionCode };
    }
}
