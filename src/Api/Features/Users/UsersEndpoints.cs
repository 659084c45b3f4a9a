using DealPipeline.Api.Features.Common;
using DealPipeline.Api.Http;
using DealPipeline.Api.Http.Security;

namespace DealPipeline.Api.Features.Users;

public static class UserEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/users").WithTags("Users");
        group.MapCreate<CreateUser, CreatedUserResponse>()
            .WithMetadata(new SecretResponse())
            .WithName("CreateUser")
            .WithSummary("Adds a user (an officer, a manager, an analyst or BI tool, or an admin) with a first API key, shown in this answer only.")
            .Allow(Policies.Admin)
            .WithProblems(400, 409);
        group.MapGet("/me", async (IMediator mediator, CancellationToken ct) => TypedResults.Ok(await mediator.Send(new GetMe(), ct)))
            .WithName("GetMe").Allow(Policies.Read)
            .WithSummary("Who the calling key belongs to: user id (null for the bootstrap key), name, role and team.");
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
    }
}
