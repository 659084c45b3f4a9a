using DealPipeline.Api.Application;
using DealPipeline.Domain;
using DealPipeline.Infrastructure;

namespace DealPipeline.Api.Features.Deals;

/// <summary>The deals row read flat, and its mapping to the API's shape: the one read model of a deal.</summary>
public static class DealQueries
{
    public const string Columns =
        "d.id, d.name, d.company_id, d.park_id, d.sector_id, d.owner_id, d.team_id, d.source, d.source_event_id, d.referrer_company_id, " +
        "d.stage, d.status, d.lost_reason, d.is_key_project, d.confidential, d.code_name, d.intended_minor, d.currency, d.contracted_minor, " +
        "d.expected_output_minor, d.expected_tax_minor, d.expected_jobs, d.planned_landing_on, d.opened_on, d.signed_on, d.landed_on, " +
        "d.construction_started_on, d.production_started_on, d.created_at, d.updated_at, d.version, d.deleted_at, d.land_area_centimu, " +
        "e.set_id AS score_set_id, e.revision AS score_revision, e.total_tenths AS score_tenths, e.band AS score_band, e.vetoes AS score_vetoes, e.created_at AS scored_at";

    /// <summary>Deals (alias d) with their latest score (alias e, the evaluation), for <see cref="Columns"/>.</summary>
    public const string From = "deals d LEFT JOIN deal_scores e ON e.id = (SELECT MAX(x.id) FROM deal_scores x WHERE x.deal_id = d.id)";

    /// <summary>The live deal as the caller may see it, or a 404 (also for a confidential deal they may not see).</summary>
    public static async Task<DealResponse> GetAsync(DbSession session, DealAccess access, long id, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(session);
        ArgumentNullException.ThrowIfNull(access);
        var row = await session.QuerySingleOrDefaultAsync<DealRow>(
            $"SELECT {Columns} FROM {From} WHERE d.id = @id AND d.deleted_at IS NULL", new { id }, cancellationToken);
        return row is not null && access.CanSee(row.Confidential, row.OwnerId, row.TeamId)
            ? row.ToResponse()
            : throw ProblemException.NotFound("deal", id);
    }

    /// <summary>
    /// The deal a command is about to change: 404 if it does not exist for the caller, 403 if
    /// they may see but not change it, 412 if <paramref name="expectedVersion"/> is stale.
    /// </summary>
    public static async Task<Deal> LoadAsync(DealRepository deals, DealAccess access, long id, IfMatch? expectedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(access);
        var deal = await deals.FindAsync(id, cancellationToken);
        if (deal is null || !access.CanSee(deal.Terms.Confidential, deal.Terms.OwnerId, deal.Terms.TeamId))
        {
            throw ProblemException.NotFound("deal", id);
        }

        if (!access.CanChange(deal.Terms.OwnerId, deal.Terms.TeamId))
        {
            throw new ProblemException(StatusCodes.Status403Forbidden, "Forbidden", "You may change only the deals you own or that belong to your team.");
        }

        if (expectedVersion?.Allows(deal.Version) == false)
        {
            throw ProblemException.PreconditionFailed(deal.Version);
        }

        return deal;
    }

    /// <summary>Stores the changed deal and reads it back as the API shows it.</summary>
    public static async Task<DealResponse> SaveAsync(DbSession session, DealAccess access, DealRepository deals, Deal deal, int loadedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deals);
        ArgumentNullException.ThrowIfNull(deal);
        if (!await deals.UpdateAsync(deal, loadedVersion, cancellationToken))
        {
            // Changed by another request between our read and our write: the same answer as a stale If-Match.
            throw ProblemException.PreconditionFailed(loadedVersion + 1);
        }

        return await GetAsync(session, access, deal.Id, cancellationToken);
    }

    /// <summary>A deals row (not sealed: the export adds the names of what it points at).</summary>
    public record DealRow
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public long CompanyId { get; init; }

        public long ParkId { get; init; }

        public long SectorId { get; init; }

        public long OwnerId { get; init; }

        public long? TeamId { get; init; }

        public DealSource Source { get; init; }

        public long? SourceEventId { get; init; }

        public long? ReferrerCompanyId { get; init; }

        public Stage Stage { get; init; }

        public DealStatus Status { get; init; }

        public LostReason? LostReason { get; init; }

        public bool IsKeyProject { get; init; }

        public bool Confidential { get; init; }

        public string? CodeName { get; init; }

        public long IntendedMinor { get; init; }

        public string Currency { get; init; } = "";

        public long? ContractedMinor { get; init; }

        public long? ExpectedOutputMinor { get; init; }

        public long? ExpectedTaxMinor { get; init; }

        public int? ExpectedJobs { get; init; }

        public DateOnly? PlannedLandingOn { get; init; }

        public DateOnly OpenedOn { get; init; }

        public DateOnly? SignedOn { get; init; }

        public DateOnly? LandedOn { get; init; }

        public DateOnly? ConstructionStartedOn { get; init; }

        public DateOnly? ProductionStartedOn { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public int Version { get; init; }

        public DateTimeOffset? DeletedAt { get; init; }

        public long? LandAreaCentimu { get; init; }

        public long? ScoreSetId { get; init; }

        public int? ScoreRevision { get; init; }

        public long? ScoreTenths { get; init; }

        public string? ScoreBand { get; init; }

        public string? ScoreVetoes { get; init; }

        public DateTimeOffset? ScoredAt { get; init; }

        public DealListItem ToListItem() =>
            DeletedAt is null ? ToResponse() : new DealTombstone { Id = Id, UpdatedAt = UpdatedAt };

        public DealResponse ToResponse() => new()
        {
            Id = Id,
            Name = Name,
            CompanyId = CompanyId,
            ParkId = ParkId,
            SectorId = SectorId,
            OwnerId = OwnerId,
            TeamId = TeamId,
            Source = Source,
            SourceEventId = SourceEventId,
            ReferrerCompanyId = ReferrerCompanyId,
            Stage = Stage,
            Status = Status,
            LostReason = LostReason,
            IsKeyProject = IsKeyProject,
            Confidential = Confidential,
            CodeName = CodeName,
            IntendedInvestment = Money.FromMinor(IntendedMinor),
            Currency = Currency,
            ContractedInvestment = Money.FromMinor(ContractedMinor),
            ExpectedAnnualOutput = Money.FromMinor(ExpectedOutputMinor),
            ExpectedAnnualTax = Money.FromMinor(ExpectedTaxMinor),
            ExpectedJobs = ExpectedJobs,
            PlannedLandingOn = PlannedLandingOn,
            OpenedOn = OpenedOn,
            SignedOn = SignedOn,
            LandedOn = LandedOn,
            ConstructionStartedOn = ConstructionStartedOn,
            ProductionStartedOn = ProductionStartedOn,
            CreatedAt = CreatedAt,
            UpdatedAt = UpdatedAt,
            Version = Version,
            LandArea = LandAreaCentimu is { } centimu ? centimu / 100m : null,
            Evaluation = ScoreSetId is { } set
                ? new DealEvaluation(set, ScoreRevision!.Value, ScoreTenths!.Value / 10m, ScoreBand!.Trim(), Evaluation.DealScoreQueries.VetoesOf(ScoreVetoes), ScoredAt!.Value)
                : null,
        };
    }
}

/// <summary>The deal before a change, for the audit log: as the caller may see it, or null (the handler then answers the 404).</summary>
public sealed class DealSnapshots(DbSession session, DealAccess access) : Application.Behaviors.IDealSnapshots
{
    public async Task<object?> FindAsync(long dealId, CancellationToken cancellationToken)
    {
        try
        {
            return await DealQueries.GetAsync(session, access, dealId, cancellationToken);
        }
        catch (ProblemException)
        {
            return null;
        }
    }
}
