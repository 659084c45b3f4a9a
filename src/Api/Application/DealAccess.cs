namespace DealPipeline.Api.Application;

/// <summary>
/// Who may see and change which deal. Admins and managers see and change every deal. An officer
/// changes the deals they own or that belong to their team, and sees every other deal except the
/// confidential ones. An analyst changes nothing and sees every deal except the confidential ones.
/// A confidential deal that a caller may not see does not exist for them: 404, absent from lists.
/// </summary>
public sealed class DealAccess(ICurrentUser caller)
{
    public bool SeesEverything => caller.Role is Role.Admin or Role.Manager;

    public bool CanSee(bool confidential, long ownerId, long? teamId) =>
        !confidential || SeesEverything || IsOwnOrTeams(ownerId, teamId);

    public bool CanChange(long ownerId, long? teamId) =>
        SeesEverything || (caller.Role == Role.Officer && IsOwnOrTeams(ownerId, teamId));

    /// <summary>The SQL condition (on alias d) that keeps only the deals the caller may see; its parameters are added to <paramref name="args"/>.</summary>
    public string VisibleSql(Dapper.DynamicParameters args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (SeesEverything)
        {
            return "1 = 1";
        }

        args.Add("viewerId", caller.UserId ?? -1);
        args.Add("viewerTeam", caller.TeamId ?? -1);
        args.Add("open", false);
        return "(d.confidential = @open OR d.owner_id = @viewerId OR d.team_id = @viewerTeam)";
    }

    /// <summary>
    /// Officers assign deals only within their own team: the owner must be themselves or a member
    /// of their team, and the team their own. Admins and managers assign freely.
    /// </summary>
    public void RequireAssignable(long ownerId, long? ownerTeamId, long? teamId)
    {
        if (SeesEverything)
        {
            return;
        }

        var ownOrTeammate = ownerId == caller.UserId || (caller.TeamId is not null && ownerTeamId == caller.TeamId);
        var ownTeam = teamId is null || teamId == caller.TeamId;
        if (!ownOrTeammate || !ownTeam)
        {
            throw new ProblemException(
                StatusCodes.Status403Forbidden,
                ProblemTexts.Forbidden,
                ProblemTexts.OfficerAssignsDealsOnlyThemselvesMember);
        }
    }

    private bool IsOwnOrTeams(long ownerId, long? teamId) =>
        (caller.UserId is not null && ownerId == caller.UserId) || (caller.TeamId is not null && teamId == caller.TeamId);
}
