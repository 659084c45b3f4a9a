using DealPipeline.Domain;

namespace DealPipeline.Infrastructure;

/// <summary>Loads and stores the <see cref="Deal"/> aggregate: its row and its appended history.</summary>
public sealed class DealRepository(DbSession session)
{
    private const string Columns =
        "name, company_id, park_id, sector_id, owner_id, team_id, source, source_event_id, referrer_company_id, " +
        "is_key_project, confidential, code_name, intended_minor, currency, contracted_minor, expected_output_minor, expected_tax_minor, " +
        "expected_jobs, planned_landing_on, stage, status, lost_reason, opened_on, signed_on, landed_on, " +
        "construction_started_on, production_started_on, last_change_on, land_area_centimu, created_at, updated_at, version";

    private const string Values =
        "@Name, @CompanyId, @ParkId, @SectorId, @OwnerId, @TeamId, @Source, @SourceEventId, @ReferrerCompanyId, " +
        "@IsKeyProject, @Confidential, @CodeName, @IntendedMinor, @Currency, @ContractedMinor, @ExpectedOutputMinor, @ExpectedTaxMinor, " +
        "@ExpectedJobs, @PlannedLandingOn, @Stage, @Status, @LostReason, @OpenedOn, @SignedOn, @LandedOn, " +
        "@ConstructionStartedOn, @ProductionStartedOn, @LastChangeOn, @LandAreaCentimu, @CreatedAt, @UpdatedAt, @Version";

    /// <summary>
    /// Deletes the deal softly (it leaves reads and reports; incremental pulls see its tombstone) if nobody
    /// changed it since it was loaded at its current version; false if somebody did (nothing is written then).
    /// </summary>
    public async Task<bool> DeleteAsync(Deal deal, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        return await session.ExecuteAsync(
            "UPDATE deals SET deleted_at = @at, updated_at = @at, version = version + 1 WHERE id = @Id AND version = @Version AND deleted_at IS NULL",
            new { at, deal.Id, deal.Version },
            cancellationToken) > 0;
    }

    /// <summary>
    /// Notes an activity on the deal: its last activity moves to <paramref name="on"/> when that is later. A touch,
    /// not a change: the deal's version and updatedAt stay, so that logging a call never makes an officer's If-Match stale.
    /// </summary>
    public Task TouchAsync(long dealId, DateOnly on, CancellationToken cancellationToken) =>
        session.ExecuteAsync(
            "UPDATE deals SET last_activity_on = @on WHERE id = @dealId AND (last_activity_on IS NULL OR last_activity_on < @on)",
            new { on, dealId },
            cancellationToken);

    /// <summary>The live (not deleted) deal, or null.</summary>
    public async Task<Deal?> FindAsync(long id, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<DealRecord>(
            $"SELECT id, {Columns} FROM deals WHERE id = @id AND deleted_at IS NULL", new { id }, cancellationToken);
        return row?.ToDeal();
    }

    public async Task AddAsync(Deal deal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("deals", Columns, Values), DealRecord.From(deal), cancellationToken);
        deal.AssignId(id);
        await AppendHistoryAsync(deal, cancellationToken);
        await AppendRevisionAsync(deal, deal.OpenedOn, cancellationToken);
    }

    /// <summary>Records the deal's reported fields as in force from <paramref name="on"/>, ending the revision in force until then.</summary>
    private async Task AppendRevisionAsync(Deal deal, DateOnly on, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync(
            "UPDATE deal_revisions SET valid_until = @on WHERE deal_id = @dealId AND valid_until IS NULL",
            new { dealId = deal.Id, on },
            cancellationToken);
        var t = deal.Terms;
        await session.ExecuteAsync(
            "INSERT INTO deal_revisions (deal_id, on_date, valid_until, intended_minor, currency, owner_id, team_id, park_id, sector_id, is_key_project, at) " +
            "VALUES (@dealId, @on, NULL, @intended, @currency, @owner, @team, @park, @sector, @key, @at)",
            new { dealId = deal.Id, on, intended = t.IntendedInvestment, currency = t.Currency, owner = t.OwnerId, team = t.TeamId, park = t.ParkId, sector = t.SectorId, key = t.IsKeyProject, at = deal.UpdatedAt },
            cancellationToken);
    }

    /// <summary>
    /// Stores a changed deal if nobody else changed it since it was loaded at
    /// <paramref name="loadedVersion"/>; false if somebody did (nothing is written then).
    /// </summary>
    public async Task<bool> UpdateAsync(Deal deal, int loadedVersion, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(deal);
        if (deal.Version == loadedVersion)
        {
            return true;
        }

        var assignments = string.Join(", ", Columns.Split(", ").Where(c => c != "created_at").Select(c => $"{c} = {ToParameter(c)}"));
        var record = DealRecord.From(deal);
        record.LoadedVersion = loadedVersion;
        var rows = await session.ExecuteAsync(
            $"UPDATE deals SET {assignments} WHERE id = @Id AND version = @LoadedVersion AND deleted_at IS NULL", record, cancellationToken);
        if (rows == 0)
        {
            return false;
        }

        await AppendHistoryAsync(deal, cancellationToken);
        if (deal.RevisedOn is { } revisedOn)
        {
            await AppendRevisionAsync(deal, revisedOn, cancellationToken);
        }

        return true;
    }

    private async Task AppendHistoryAsync(Deal deal, CancellationToken cancellationToken)
    {
        foreach (var entry in deal.NewHistory)
        {
            // The entry in force until now stops being in force on this entry's date.
            await session.ExecuteAsync(
                "UPDATE deal_history SET valid_until = @On WHERE deal_id = @DealId AND valid_until IS NULL",
                new { DealId = deal.Id, entry.On },
                cancellationToken);
            await session.ExecuteAsync(
                "INSERT INTO deal_history (deal_id, kind, from_value, to_value, on_date, at, reason, note, by_user_id, stage_after, status_after) " +
                "VALUES (@DealId, @Kind, @From, @To, @On, @At, @Reason, @Note, @ByUserId, @StageAfter, @StatusAfter)",
                new
                {
                    DealId = deal.Id,
                    Kind = (int)entry.Kind,
                    entry.From,
                    entry.To,
                    entry.On,
                    entry.At,
                    entry.Reason,
                    entry.Note,
                    entry.ByUserId,
                    StageAfter = (int)entry.StageAfter,
                    StatusAfter = (int)entry.StatusAfter,
                },
                cancellationToken);
        }
    }

    private static string ToParameter(string column) =>
        "@" + string.Concat(column.Split('_').Select(part => char.ToUpperInvariant(part[0]) + part[1..]));

    /// <summary>The deals row, column for column.</summary>
    private sealed class DealRecord
    {
        public long Id { get; set; }

        public string Name { get; set; } = "";

        public long CompanyId { get; set; }

        public long ParkId { get; set; }

        public long SectorId { get; set; }

        public long OwnerId { get; set; }

        public long? TeamId { get; set; }

        public int Source { get; set; }

        public long? SourceEventId { get; set; }

        public long? ReferrerCompanyId { get; set; }

        public bool IsKeyProject { get; set; }

        public bool Confidential { get; set; }

        public string? CodeName { get; set; }

        public long IntendedMinor { get; set; }

        public string Currency { get; set; } = "";

        public long? ContractedMinor { get; set; }

        public long? ExpectedOutputMinor { get; set; }

        public long? ExpectedTaxMinor { get; set; }

        public int? ExpectedJobs { get; set; }

        public DateOnly? PlannedLandingOn { get; set; }

        public long? LandAreaCentimu { get; set; }

        public int Stage { get; set; }

        public int Status { get; set; }

        public int? LostReason { get; set; }

        public DateOnly OpenedOn { get; set; }

        public DateOnly? SignedOn { get; set; }

        public DateOnly? LandedOn { get; set; }

        public DateOnly? ConstructionStartedOn { get; set; }

        public DateOnly? ProductionStartedOn { get; set; }

        public DateOnly LastChangeOn { get; set; }

        public DateTimeOffset CreatedAt { get; set; }

        public DateTimeOffset UpdatedAt { get; set; }

        public int Version { get; set; }

        public int LoadedVersion { get; set; }

        public static DealRecord From(Deal deal)
        {
            var t = deal.Terms;
            return new DealRecord
            {
                Id = deal.Id,
                Name = t.Name,
                CompanyId = t.CompanyId,
                ParkId = t.ParkId,
                SectorId = t.SectorId,
                OwnerId = t.OwnerId,
                TeamId = t.TeamId,
                Source = (int)t.Source,
                SourceEventId = t.SourceEventId,
                ReferrerCompanyId = t.ReferrerCompanyId,
                IsKeyProject = t.IsKeyProject,
                Confidential = t.Confidential,
                CodeName = t.CodeName,
                IntendedMinor = t.IntendedInvestment,
                Currency = t.Currency,
                ContractedMinor = t.ContractedInvestment,
                ExpectedOutputMinor = t.ExpectedAnnualOutput,
                ExpectedTaxMinor = t.ExpectedAnnualTax,
                ExpectedJobs = t.ExpectedJobs,
                PlannedLandingOn = t.PlannedLandingOn,
                LandAreaCentimu = t.LandAreaCentimu,
                Stage = (int)deal.Stage,
                Status = (int)deal.Status,
                LostReason = (int?)deal.LostReason,
                OpenedOn = deal.OpenedOn,
                SignedOn = deal.SignedOn,
                LandedOn = deal.LandedOn,
                ConstructionStartedOn = deal.ConstructionStartedOn,
                ProductionStartedOn = deal.ProductionStartedOn,
                LastChangeOn = deal.LastChangeOn,
                CreatedAt = deal.CreatedAt,
                UpdatedAt = deal.UpdatedAt,
                Version = deal.Version,
            };
        }

        public Deal ToDeal() =>
            Deal.Rehydrate(
                Id,
                new DealTerms(
                    Name,
                    CompanyId,
                    ParkId,
                    SectorId,
                    OwnerId,
                    TeamId,
                    (DealSource)Source,
                    SourceEventId,
                    ReferrerCompanyId,
                    IsKeyProject,
                    Confidential,
                    CodeName,
                    IntendedMinor,
                    Currency,
                    ContractedMinor,
                    ExpectedOutputMinor,
                    ExpectedTaxMinor,
                    ExpectedJobs,
                    PlannedLandingOn,
                    LandAreaCentimu),
                (Stage)Stage,
                (DealStatus)Status,
                (LostReason?)LostReason,
                OpenedOn,
                SignedOn,
                LandedOn,
                ConstructionStartedOn,
                ProductionStartedOn,
                LastChangeOn,
                CreatedAt,
                UpdatedAt,
                Version);
    }
}
