using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Users;

public sealed record CreateUser(string? Name, Role? Role, long? TeamId) : ICommand<CreatedUserResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name", "role"];

    public static object Example => new CreateUser("王晓明", Domain.Role.Officer, 1);

    string IAudited.AuditEntity => "user";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateUserValidator : AbstractValidator<CreateUser>
{
    public CreateUserValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.Role).NotNull().WithMessage(ProblemTexts.RoleRequiredAdminManagerOfficerAnalyst);
        RuleFor(x => x.TeamId).Id();
    }
}

public sealed class CreateUserHandler(ApiKeyStore apiKeys, ReferenceStore rows, DbSession session, IClock clock) : IRequestHandler<CreateUser, CreatedUserResponse>
{
    public async Task<CreatedUserResponse> Handle(CreateUser request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);

        var role = Names.Of(request.Role!.Value);
        var id = await rows.InsertAsync("users", "name, role, team_id, created_at", "@name, @role, @teamId, @at", new { name, role, teamId = request.TeamId, at = clock.UtcNow }, cancellationToken);
        var (keyId, key) = await apiKeys.IssueAsync(id, clock.UtcNow, cancellationToken);
        return new CreatedUserResponse(id, name, request.Role.Value, request.TeamId, key, keyId);
    }
}
