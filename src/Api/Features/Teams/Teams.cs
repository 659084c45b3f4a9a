using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;
using DealPipeline.Api.Http;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

namespace DealPipeline.Api.Features.Teams;

public sealed record TeamResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";
}

public static class TeamEndpoints
{
    public static void MapTeams(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/teams").WithTags("Teams");
        group.MapPost("/", async (CreateTeam command, IMediator mediator, CancellationToken ct) =>
            {
                var team = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/teams/{team.Id}", team);
            })
            .WithName("CreateTeam").Allow(Policies.Admin).WithSummary("Adds a task force (工作专班) of officers.")
            .WithProblems(400, 409);
        group.MapGet("/", async ([AsParameters] ListTeams query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListTeams").Allow(Policies.Read).WithSummary("Lists teams in id order.")
            .WithProblems(400);
        group.MapReadAndCorrect<TeamResponse, CreateTeam>("team", Policies.Admin, id => new GetTeam(id), (id, patch, ifMatch) => new PatchTeam(id, patch, ifMatch));
    }
}

public sealed record CreateTeam(string? Name) : ICommand<TeamResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name"];

    public static object Example => new CreateTeam("合成生物招商专班");

    string IAudited.AuditEntity => "team";

    string? IAudited.AuditId => null;
}

public sealed class CreateTeamValidator : AbstractValidator<CreateTeam>
{
    public CreateTeamValidator()
    {
        RuleFor(x => x.Name).RequiredName();
    }
}

public sealed class CreateTeamHandler(DbSession session, IClock clock) : IRequestHandler<CreateTeam, TeamResponse>
{
    public async Task<TeamResponse> Handle(CreateTeam request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        var taken = await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM teams WHERE name = @name", new { name }, cancellationToken);
        if (taken > 0)
        {
            throw ProblemException.Conflict($"A team named '{name}' already exists.");
        }

        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("teams", "name, created_at", "@name, @at"), new { name, at = clock.UtcNow }, cancellationToken);
        return new TeamResponse { Id = id, Name = name };
    }
}

public sealed record ListTeams(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<TeamResponse>>, IPagedRequest;

public sealed class ListTeamsHandler(DbSession session, Cursors cursors) : IRequestHandler<ListTeams, Page<TeamResponse>>
{
    public Task<Page<TeamResponse>> Handle(ListTeams request, CancellationToken cancellationToken) =>
        ListById.PageAsync<TeamResponse>(session, cursors, request, "SELECT id, name FROM teams WHERE 1 = 1", new { }, cancellationToken);
}
