namespace DealPipeline.Api.Features.Targets;

public sealed record SetTargets(int Year, long? ParkId, long? TeamId, int? SignedCount, int? LandedCount, decimal? SignedInvestment, decimal? LandedInvestment)
    : ICommand<TargetResponse>, IAudited
{
    string IAudited.AuditEntity => "targets";

    string? IAudited.AuditId => string.Create(CultureInfo.InvariantCulture, $"{Year}/{ParkId ?? 0}/{TeamId ?? 0}");

    string IAudited.ChangeKind => ChangeKinds.Updated;
}

public sealed class SetTargetsValidator : AbstractValidator<SetTargets>
{
    public SetTargetsValidator()
    {
        RuleFor(x => x.Year).InclusiveBetween(TargetStore.FirstYear, TargetStore.LastYear);
        RuleFor(x => x.ParkId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x).Must(t => t.ParkId is null || t.TeamId is null).WithName("teamId").WithMessage(ProblemTexts.TargetsOfficeOneParkOneTeam);
        RuleFor(x => x.SignedCount).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.LandedCount).InclusiveBetween(0, 1_000_000);
        RuleFor(x => x.SignedInvestment).Amount();
        RuleFor(x => x.LandedInvestment).Amount();
    }
}

public sealed class SetTargetsHandler(DbSession session, TargetStore targets) : IRequestHandler<SetTargets, TargetResponse>
{
    public async Task<TargetResponse> Handle(SetTargets request, CancellationToken cancellationToken)
    {
        await References.RequireAsync(session, "parks", request.ParkId, "parkId", "park", cancellationToken);
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);
        var row = new TargetStore.Row
        {
            Year = request.Year,
            ParkKey = request.ParkId ?? 0,
            TeamKey = request.TeamId ?? 0,
            SignedCount = request.SignedCount,
            LandedCount = request.LandedCount,
            SignedMinor = request.SignedInvestment is { } s ? Money.ToMinor(s) : null,
            LandedMinor = request.LandedInvestment is { } l ? Money.ToMinor(l) : null,
        };
        await targets.SaveAsync(row, cancellationToken);
        return row.ToResponse();
    }
}
