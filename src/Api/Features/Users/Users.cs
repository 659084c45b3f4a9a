using DealPipeline.Api.Application;
using DealPipeline.Api.Application.Behaviors;
using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;
using FluentValidation;
using MediatR;

namespace DealPipeline.Api.Features.Users;

/// <summary>A new user and their first API key, shown this once: only its hash is stored.</summary>
public sealed record CreatedUserResponse(long Id, string Name, Role Role, long? TeamId, string ApiKey, long ApiKeyId);

public sealed record UserResponse : IHasId, IVersioned
{
    /// <summary>The row's version: answered as the ETag, not in the body.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public int Version { get; init; } = 1;

    public long Id { get; init; }

    public string Name { get; init; } = "";

    public Role Role { get; init; }

    public long? TeamId { get; init; }
}

public static class UserEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapPost("/", async (CreateUser command, IMediator mediator, CancellationToken ct) =>
            {
                var user = await mediator.Send(command, ct);
                return TypedResults.Created($"/api/v1/users/{user.Id}", user);
            })
            .WithMetadata(new SecretResponse())
            .WithName("CreateUser")
            .WithSummary("Adds a user (an officer, a manager, an analyst or BI tool, or an admin) with a first API key, shown in this answer only.")
            .Allow(Policies.Admin)
            .WithProblems(400, 409);
        group.MapGet("/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMe(), ct)))
            .WithName("GetMe").Allow(Policies.Read)
            .WithSummary("Who the calling key belongs to: user id (null for the bootstrap key), name, role and team.");
        group.MapGet("/", async ([AsParameters] ListUsers query, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(query, ct)))
            .WithName("ListUsers").WithSummary("Lists users in id order.")
            .Allow(Policies.Read)
            .WithProblems(400);
        group.MapReadAndCorrect<UserResponse, CreateUser>("user", Policies.Admin, id => new GetUser(id), (id, patch, ifMatch) => new PatchUser(id, patch, ifMatch))
            .AddEndpointFilter(async (context, next) =>
            {
                var result = await next(context);

                // A user's role or team is part of what their keys may do: after the commit, look keys up again.
                context.HttpContext.RequestServices.GetRequiredService<Http.Security.ApiKeyCache>().Forget();
                return result;
            });
    }
}

public sealed record CreateUser(string? Name, Role? Role, long? TeamId) : ICommand<CreatedUserResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "role"];

    public static object Example => new CreateUser("王晓明", Domain.Role.Officer, 1);

    string IAudited.AuditEntity => "user";

    string? IAudited.AuditId => null;
}

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Role).NotNull().WithMessage("'role' is required: admin, manager, officer or analyst.");
        RuleFor(x => x.TeamId).Id();
    }
}

public sealed class CreateUserHandler(DbSession session, IClock clock) : IRequestHandler<CreateUser, CreatedUserResponse>
{
    public async Task<CreatedUserResponse> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);

        var role = Names.Of(request.Role!.Value);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("users", "name, role, team_id, created_at", "@name, @role, @teamId, @at"),
            new { name, role, teamId = request.TeamId, at = clock.UtcNow },
            cancellationToken);
        var (keyId, key) = await UserKeys.IssueAsync(session, id, clock.UtcNow, cancellationToken);
        return new CreatedUserResponse(id, name, request.Role.Value, request.TeamId, key, keyId);
    }
}

public sealed record ListUsers(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<UserResponse>>, IPagedRequest;

public sealed class ListUsersHandler(DbSession session, Cursors cursors) : IRequestHandler<ListUsers, Page<UserResponse>>
{
    public async Task<Page<UserResponse>> Handle(ListUsers request, CancellationToken cancellationToken)
    {
        var page = await ListById.PageAsync<UserRow>(session, cursors, request, "SELECT id, name, role, team_id FROM users WHERE 1 = 1", new { }, cancellationToken);
        return page.Select(u => u.ToResponse());
    }

    private sealed record UserRow : IHasId
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string Role { get; init; } = "";

        public long? TeamId { get; init; }

        public UserResponse ToResponse() =>
            new() { Id = Id, Name = Name, Role = Names.TryParse<Role>(Role, out var role) ? role : default, TeamId = TeamId };
    }
}
