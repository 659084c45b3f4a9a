using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Teams;

public sealed record CreateTeam(string? Name) : ICommand<TeamResponse>, IAudited, Http.IRequestBody
{
    public static IReadOnlyList<string> Required => ["name"];

    public static object Example => new CreateTeam("合成生物招商专班");

    string IAudited.AuditEntity => "team";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateTeamValidator : AbstractValidator<CreateTeam>
{
    public CreateTeamValidator()
    {
        RuleFor(x => x.Name).RequiredName();
    }
}

public sealed class CreateTeamHandler(ReferenceStore rows, IClock clock) : IRequestHandler<CreateTeam, TeamResponse>
{
    public async Task<TeamResponse> Handle(CreateTeam request, CancellationToken cancellationToken)
    {
        var name = request.Name!.Trim();
        if (await rows.TakenAsync("teams", "name", name, null, cancellationToken))
        {
            throw ProblemException.Conflict(ProblemTexts.TeamNamedNameAlreadyExists.With(("name", name)));
        }

        var id = await rows.InsertAsync("teams", "name, created_at", "@name, @at", new { name, at = clock.UtcNow }, cancellationToken);
        return new TeamResponse { Id = id, Name = name };
    }
}
