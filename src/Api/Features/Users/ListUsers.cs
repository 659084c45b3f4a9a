using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Users;

public sealed record ListUsers(int Limit = Cursor.DefaultLimit, string? Cursor = null) : IQuery<Page<UserResponse>>, IPagedRequest;

public sealed class ListUsersHandler(IdPages pages) : IRequestHandler<ListUsers, Page<UserResponse>>
{
    public async Task<Page<UserResponse>> Handle(ListUsers request, CancellationToken cancellationToken)
    {
        var page = await pages.PageAsync<UserRow>(request, "SELECT id, name, role, team_id FROM users WHERE 1 = 1", new { }, cancellationToken);
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
