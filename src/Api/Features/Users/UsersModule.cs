using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Users;

public sealed class UsersModule : IModule
{
    public void AddServices(IServiceCollection services) => services.AddScoped<ApiKeyStore>();

    public void MapEndpoints(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapCreate<CreateUser, CreatedUserResponse>()
            .WithMetadata(new SecretResponse())
            .WithName("CreateUser")
            .WithSummary("Adds a user (an officer, a manager, an analyst or BI tool, or an admin) with a first API key, shown in this answer only.")
            .Allow(Policies.Admin)
            .WithProblems(400, 409);
        group.MapGet("/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMe(), ct)))
            .Describe("GetMe", Policies.Read, "Who the calling key belongs to: user id (null for the bootstrap key), name, role and team.");
        group.MapQuery<ListUsers, Page<UserResponse>>("/")
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
        MapKeys(api);
    }

    /// <summary>A user's API keys: issued, listed, read and revoked by their owner or an admin.</summary>
    private static void MapKeys(RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users/{userId:long}/keys").WithTags("Users").Allow(Policies.Read);
        group.MapPost("/", async (long userId, IMediator mediator, CancellationToken ct) =>
            {
                var key = await mediator.Send(new CreateApiKey(userId), ct);
                return TypedResults.Created($"/api/v1/users/{userId}/keys/{key.Id}", key);
            })
            .WithMetadata(new SecretResponse())
            .WithName("CreateApiKey")
            .WithSummary("Issues another API key for a user (admins for anyone, others for themselves); the key is in this answer only.")
            .WithProblems(403, 404);
        group.MapQuery<ListApiKeys, Page<ApiKeyResponse>>("/")
            .WithName("ListApiKeys")
            .WithSummary("Lists a user's keys (admins for anyone, others for themselves) with their first characters, creation, last use and revocation.")
            .WithProblems(400, 403, 404);
        group.MapGet("/{keyId:long}", async (long userId, long keyId, IMediator mediator, CancellationToken ct) =>
                TypedResults.Ok(await mediator.Send(new GetApiKey(userId, keyId), ct)))
            .WithName("GetApiKey")
            .WithSummary("Reads one of a user's keys (admins for anyone, others for themselves): its first characters, creation, last use and revocation; never the key.")
            .WithProblems(403, 404);
        group.MapDelete("/{keyId:long}", async (long userId, long keyId, IMediator mediator, ApiKeyCache keys, CancellationToken ct) =>
            {
                await mediator.Send(new RevokeApiKey(userId, keyId), ct);

                // After the commit: a request that read the key before it would otherwise cache it again.
                keys.Forget();
                return TypedResults.NoContent();
            })
            .WithName("RevokeApiKey")
            .WithSummary("Revokes a key (admins for anyone, others for themselves): a 401 from then on on this instance, and within Auth:KeyCacheSeconds (5 s) on any other.")
            .WithProblems(403, 404);
    }
}
