namespace DealPipeline.Api.Features.Users;

/// <summary>Who the key belongs to: the pages' sign-in checks a key with this, and show the name and role.</summary>
public sealed record MeResponse
{
    /// <summary>The user; null for the bootstrap admin key, which belongs to no user.</summary>
    public long? Id { get; init; }

    public string Name { get; init; } = "";

    public Role Role { get; init; }

    public long? TeamId { get; init; }
}

public sealed record GetMe : IQuery<MeResponse>;

public sealed class GetMeHandler(DbSession session, ICurrentUser caller) : IRequestHandler<GetMe, MeResponse>
{
    public async Task<MeResponse> Handle(GetMe request, CancellationToken cancellationToken)
    {
        if (caller.UserId is not { } id)
        {
            return new MeResponse { Name = caller.Actor, Role = caller.Role ?? Role.Admin };
        }

        return await session.QuerySingleOrDefaultAsync<MeResponse>("SELECT id, name, role, team_id FROM users WHERE id = @id", new { id }, cancellationToken)
            ?? throw ProblemException.NotFound("user", id);
    }
}
