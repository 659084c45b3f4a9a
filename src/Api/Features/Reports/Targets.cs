using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Reports;

/// <summary>A year's targets for the office (no park, no team), a park or a team.</summary>
public sealed record TargetResponse(int Year, long? ParkId, long? TeamId, int? SignedCount, int? LandedCount, decimal? SignedInvestment, decimal? LandedInvestment);

public sealed record TargetBody(long? ParkId, long? TeamId, int? SignedCount, int? LandedCount, decimal? SignedInvestment, decimal? LandedInvestment) : IRequestBody
{
    public static IReadOnlyList<string> Required => [];

    public static object Example => new TargetBody(1, null, 12, 6, 3_000_000_000m, 1_200_000_000m);
}

public static class TargetEndpoints
{
    public static void MapTargets(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/targets").WithTags("Reports");
        group.MapPut("/{year:int}", async (int year, TargetBody body, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new SetTargets(year, body.ParkId, body.TeamId, body.SignedCount, body.LandedCount, body.SignedInvestment, body.LandedInvestment), ct)))
            .WithName("SetTargets").Allow(Policies.Manage)
            .WithSummary("Sets the year's targets (signed and landed counts, signed and landed intended investment in CNY) for the office, a park (parkId) or a team (teamId); setting them again replaces them.")
            .WithProblems(400);
        group.MapGet("/{year:int}", async (int year, IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new ListTargets(year), ct)))
            .WithName("ListTargets").Allow(Policies.Read)
            .WithSummary("The year's targets.")
            .WithDescription("Every target set for the year: the office's (parkId and teamId null), each park's and each team's, in one page; an empty list when none is set.")
            .WithProblems(400);
    }
}

public sealed record SetTargets(int Year, long? ParkId, long? TeamId, int? SignedCount, int? LandedCount, decimal? SignedInvestment, decimal? LandedInvestment)
    : ICommand<TargetResponse>, IAudited
{
    string IAudited.AuditEntity => "targets";

    string? IAudited.AuditId => string.Create(CultureInfo.InvariantCulture, $"{Year}/{ParkId ?? 0}/{TeamId ?? 0}");
}

public sealed class SetTargetsValidator : AbstractValidator<SetTargets>
{
    public SetTargetsValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(Targets.FirstYear, Targets.LastYear);
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x).Must(t => t.ParkId is null || t.TeamId is null).WithName("teamId").WithMessage("Targets are for the office, one park or one team, not a park and a team at once.");
        RuleFor(x => x.SignedCount).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.LandedCount).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.SignedInvestment).Amount();
        RuleFor(x => x.LandedInvestment).Amount();
    }
}

public sealed class SetTargetsHandler(DbSession session, IClock clock) : IRequestHandler<SetTargets, TargetResponse>
{
    public async Task<TargetResponse> Handle(SetTargets request, CancellationToken cancellationToken)
    {
        await References.RequireAsync(session, "parks", request.ParkId, "parkId", "park", cancellationToken);
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);

        var args = new
        {
            request.Year,
            parkKey = request.ParkId ?? 0,
            teamKey = request.TeamId ?? 0,
            request.SignedCount,
            request.LandedCount,
            signedMinor = request.SignedInvestment is { } s ? Money.ToMinor(s) : (long?)null,
            landedMinor = request.LandedInvestment is { } l ? Money.ToMinor(l) : (long?)null,
            now = clock.UtcNow,
        };
        var updated = await session.ExecuteAsync(
            "UPDATE targets SET signed_count = @SignedCount, landed_count = @LandedCount, signed_minor = @signedMinor, landed_minor = @landedMinor, updated_at = @now " +
            "WHERE year = @Year AND park_key = @parkKey AND team_key = @teamKey",
            args,
            cancellationToken);
        if (updated == 0)
        {
            await session.ExecuteAsync(
                "INSERT INTO targets (year, park_key, team_key, signed_count, landed_count, signed_minor, landed_minor, updated_at) " +
                "VALUES (@Year, @parkKey, @teamKey, @SignedCount, @LandedCount, @signedMinor, @landedMinor, @now)",
                args,
                cancellationToken);
        }

        return new TargetResponse(request.Year, request.ParkId, request.TeamId, request.SignedCount, request.LandedCount, Money.FromMinor(args.signedMinor), Money.FromMinor(args.landedMinor));
    }
}

public sealed record ListTargets(int Year) : IQuery<Page<TargetResponse>>;

public sealed class ListTargetsValidator : AbstractValidator<ListTargets>
{
    public ListTargetsValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(Targets.FirstYear, Targets.LastYear);
    }
}

public sealed class ListTargetsHandler(DbSession session) : IRequestHandler<ListTargets, Page<TargetResponse>>
{
    public async Task<Page<TargetResponse>> Handle(ListTargets request, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<Targets.Row>(
            "SELECT year, park_key, team_key, signed_count, landed_count, signed_minor, landed_minor FROM targets WHERE year = @Year ORDER BY park_key, team_key",
            new { request.Year },
            cancellationToken);
        return new Page<TargetResponse>(rows.Select(r => r.ToResponse()).ToList(), null);
    }
}

public static class Targets
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;

    public static async Task<Row?> FindAsync(DbSession session, int year, long? parkId, long? teamId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        return await session.QuerySingleOrDefaultAsync<Row>(
            "SELECT year, park_key, team_key, signed_count, landed_count, signed_minor, landed_minor FROM targets WHERE year = @year AND park_key = @parkKey AND team_key = @teamKey",
            new { year, parkKey = parkId ?? 0, teamKey = teamId ?? 0 },
            cancellationToken);
    }

    public sealed record Row
    {
        public int Year { get; init; }

        public long ParkKey { get; init; }

        public long TeamKey { get; init; }

        public int? SignedCount { get; init; }

        public int? LandedCount { get; init; }

        public long? SignedMinor { get; init; }

        public long? LandedMinor { get; init; }

        public TargetResponse ToResponse() =>
            new(Year, ParkKey == 0 ? null : ParkKey, TeamKey == 0 ? null : TeamKey, SignedCount, LandedCount, Money.FromMinor(SignedMinor), Money.FromMinor(LandedMinor));
    }
}
