using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Leads;

/// <summary>Adds a dispatch rule (分派规则): the leads it takes (sector, region, intended investment in CNY) and the team or officer it gives them to.</summary>
public sealed record CreateLeadRule(
    string? Name,
    int? Priority = null,
    long? SectorId = null,
    string? RegionCode = null,
    decimal? MinIntendedInvestment = null,
    decimal? MaxIntendedInvestment = null,
    long? TeamId = null,
    long? OwnerId = null) : ICommand<LeadRuleResponse>, IAudited, IRequestBody
{
    public static IReadOnlyList<string> Required => ["name"];

    public static object Example => new CreateLeadRule("生物医药重大项目", 10, 1, null, 500_000_000m, null, 1, null);

    string IAudited.AuditEntity => "leadRule";

    string? IAudited.AuditId => null;

    string IAudited.ChangeKind => ChangeKinds.Created;
}

public sealed class CreateLeadRuleValidator : AbstractValidator<CreateLeadRule>
{
    public CreateLeadRuleValidator()
    {
        RuleFor(x => x.Name).RequiredName();
        RuleFor(x => x.SectorId).Id();
        RuleFor(x => x.TeamId).Id();
        RuleFor(x => x.OwnerId).Id();
        RuleFor(x => x.RegionCode).RegionCode();
        RuleFor(x => x.MinIntendedInvestment).Amount();
        RuleFor(x => x.MaxIntendedInvestment).Amount();
    }
}

/// <summary>Refused when a sector, team or officer does not exist (400 on the field), an analyst would receive leads, its band is empty (400), or its name is taken (409).</summary>
public sealed class CreateLeadRuleHandler(LeadStore leads, LeadReferences references, DbSession session) : IRequestHandler<CreateLeadRule, LeadRuleResponse>
{
    public async Task<LeadRuleResponse> Handle(CreateLeadRule request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await References.RequireAsync(session, "sectors", request.SectorId, "sectorId", "sector", cancellationToken);
        await References.RequireAsync(session, "teams", request.TeamId, "teamId", "team", cancellationToken);
        if (request.OwnerId is { } owner)
        {
            await references.OwnerTeamAsync(owner, "ownerId", cancellationToken);
        }

        var rule = new DispatchRule(
            0,
            request.Name!.Trim(),
            request.Priority ?? 100,
            request.SectorId,
            request.RegionCode,
            request.MinIntendedInvestment is { } min ? Money.ToMinor(min) : null,
            request.MaxIntendedInvestment is { } max ? Money.ToMinor(max) : null,
            request.TeamId,
            request.OwnerId);
        rule.Validate();
        return await leads.GetRuleAsync(await leads.AddRuleAsync(rule, cancellationToken), cancellationToken);
    }
}

public sealed record ListLeadRules : IQuery<IReadOnlyList<LeadRuleResponse>>;

public sealed class ListLeadRulesHandler(DbSession session) : IRequestHandler<ListLeadRules, IReadOnlyList<LeadRuleResponse>>
{
    public async Task<IReadOnlyList<LeadRuleResponse>> Handle(ListLeadRules request, CancellationToken cancellationToken) =>
        [.. await session.QueryAsync<LeadRuleResponse>($"SELECT {LeadStore.RuleColumns} FROM lead_rules ORDER BY priority, id", null, cancellationToken)];
}

public sealed record GetLeadRule(long Id) : IQuery<LeadRuleResponse>;

public sealed class GetLeadRuleHandler(LeadStore leads) : IRequestHandler<GetLeadRule, LeadRuleResponse>
{
    public Task<LeadRuleResponse> Handle(GetLeadRule request, CancellationToken cancellationToken) => leads.GetRuleAsync(request.Id, cancellationToken);
}

public sealed record DeleteLeadRule(long Id) : ICommand<Unit>, IChangesOne
{
    string IAudited.AuditEntity => "leadRule";

    string IAudited.ChangeKind => ChangeKinds.Deleted;
}

public sealed class DeleteLeadRuleHandler(LeadStore leads) : IRequestHandler<DeleteLeadRule, Unit>
{
    public async Task<Unit> Handle(DeleteLeadRule request, CancellationToken cancellationToken)
    {
        if (!await leads.DeleteRuleAsync(request.Id, cancellationToken))
        {
            throw ProblemException.NotFound("dispatch rule", request.Id);
        }

        return Unit.Value;
    }
}
