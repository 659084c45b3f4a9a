using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Users;

public sealed record GetUser(long Id) : IQuery<UserResponse>, IGetReference;

public sealed class GetUserHandler(ReferenceStore rows) : GetReferenceHandler<GetUser, UserResponse>(rows, Select, "user")
{
    public const string Select = "SELECT id, name, role, team_id, version FROM users";
}
