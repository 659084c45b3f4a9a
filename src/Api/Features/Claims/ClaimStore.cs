using DealPipeline.Api.Features.Common;

namespace DealPipeline.Api.Features.Claims;

/// <summary>
/// The claims and their history: every write of the Claims area, the reads its use cases share, and which claims hold on
/// a company. A claim on a company covers the company under another spelling too: a company whose name has the same key
/// (<see cref="CompanyNames.KeyOf"/>), unless both have credit codes and they differ (two legal entities).
/// </summary>
public sealed class ClaimStore(DbSession session, IClock clock, ICurrentUser caller, DealAccess access)
{
    private const string Columns =
        "id, company_id, park_id, team_id, first_reported_on, first_talk_on, evidence, intended_minor, currency, foreign_funded, sector_id, status, expires_on, by_user_id, created_at, updated_at, version";

    /// <summary>The claim as the caller may see it (the evidence only for those <see cref="SeesEvidence"/> lets), or a 404.</summary>
    public async Task<ClaimResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        (await WithHistoryAsync(await session.QueryAsync<ClaimResponse>($"SELECT {Columns} FROM claims WHERE id = @id", new { id }, cancellationToken), cancellationToken)).SingleOrDefault()
        ?? throw ProblemException.NotFound("claim", id);

    /// <summary>The SELECT of claims for a list: every column, the state computed on today (alias-free, ending in a condition).</summary>
    public static string SelectFrom => $"SELECT {Columns} FROM claims WHERE 1 = 1";

    /// <summary>The condition of a state: held (and not past its expiry), expired (held, past it) or released.</summary>
    public static string StateCondition(ClaimState state) => state switch
    {
        ClaimState.Held => "status = 1 AND expires_on >= @today",
        ClaimState.Expired => "status = 1 AND expires_on < @today",
        _ => "status = 2",
    };

    /// <summary>Rows as the caller may see them, with their history and state.</summary>
    public async Task<IReadOnlyList<ClaimResponse>> WithHistoryAsync(IEnumerable<ClaimResponse> rows, CancellationToken cancellationToken)
    {
        var claims = rows.ToList();
        if (claims.Count == 0)
        {
            return [];
        }

        var events = (await session.QueryAsync<ClaimEventResponse>(
                $"SELECT claim_id, kind, on_date, at, by_user_id, reason, park_id, team_id, deal_id, lead_id FROM claim_events WHERE {session.Dialect.InList("claim_id", "ids")} ORDER BY id",
                new { ids = claims.Select(c => c.Id).ToArray() },
                cancellationToken))
            .ToLookup(e => e.ClaimId);
        var today = clock.Today;
        return [.. claims.Select(c => c with
        {
            Evidence = SeesEvidence(c) ? c.Evidence : null,
            State = c.Status == ClaimStatus.Released ? ClaimState.Released : c.ToClaim().HoldsOn(today) ? ClaimState.Held : ClaimState.Expired,
            History = [.. events[c.Id]],
        })];
    }

    /// <summary>Whether the caller sees a claim's evidence: managers and admins, its reporter, and the members of the team holding it.</summary>
    public bool SeesEvidence(ClaimResponse claim)
    {
        ArgumentNullException.ThrowIfNull(claim);
        return access.SeesEverything || (caller.UserId is { } user && claim.ByUserId == user) || (claim.TeamId is { } team && caller.TeamId == team);
    }

    /// <summary>Whether the caller may renew or release the claim: who sees its evidence, except analysts.</summary>
    public bool MayKeep(ClaimResponse claim) => caller.Role is not Role.Analyst && SeesEvidence(claim);

    /// <summary>Registers a claim with the project it reports; answers its id.</summary>
    public async Task<long> AddAsync(ProjectClaim claim, ClaimProject project, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(claim);
        ArgumentNullException.ThrowIfNull(project);
        var now = clock.UtcNow;
        var id = await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "claims",
                "company_id, park_id, team_id, first_reported_on, first_talk_on, evidence, intended_minor, currency, foreign_funded, sector_id, status, expires_on, by_user_id, created_at, updated_at, version",
                "@CompanyId, @ParkId, @TeamId, @FirstReportedOn, @FirstTalkOn, @Evidence, @IntendedMinor, @Currency, @ForeignFunded, @SectorId, @Status, @ExpiresOn, @by, @now, @now, 1"),
            new
            {
                claim.CompanyId,
                claim.Holder.ParkId,
                claim.Holder.TeamId,
                claim.FirstReportedOn,
                claim.FirstTalkOn,
                claim.Evidence,
                project.IntendedMinor,
                project.Currency,
                project.ForeignFunded,
                project.SectorId,
                Status = (int)claim.Status,
                claim.ExpiresOn,
                by = caller.UserId,
                now,
            },
            cancellationToken);
        await AddEventAsync(id, ClaimEventKind.Registered, null, claim.Holder, null, cancellationToken);
        return id;
    }

    /// <summary>Writes a renewed, released or transferred claim if nobody changed it since it was read (412 otherwise), and its event.</summary>
    public async Task UpdateAsync(ClaimResponse current, ProjectClaim changed, ClaimEventKind kind, string? reason, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(changed);
        var updated = await session.ExecuteAsync(
            "UPDATE claims SET park_id = @ParkId, team_id = @TeamId, status = @Status, expires_on = @ExpiresOn, updated_at = @now, version = version + 1 WHERE id = @id AND version = @version",
            new { changed.Holder.ParkId, changed.Holder.TeamId, Status = (int)changed.Status, changed.ExpiresOn, now = clock.UtcNow, id = current.Id, version = current.Version },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(current.Version + 1);
        }

        await AddEventAsync(current.Id, kind, reason, changed.Holder, null, cancellationToken);
    }

    /// <summary>Notes that a manager let another unit open deal <paramref name="dealId"/> (or take lead <paramref name="leadId"/>) for the claimed company; the claim's version moves on.</summary>
    public async Task RecordOverrideAsync(long claimId, long? dealId, long? leadId, string reason, CancellationToken cancellationToken)
    {
        await session.ExecuteAsync("UPDATE claims SET updated_at = @now, version = version + 1 WHERE id = @claimId", new { claimId, now = clock.UtcNow }, cancellationToken);
        await AddEventAsync(claimId, ClaimEventKind.Overridden, reason, null, dealId, cancellationToken, leadId);
    }

    /// <summary>The claims that hold today on a company (or on the same company entered under another spelling), oldest first.</summary>
    public async Task<IReadOnlyList<ClaimResponse>> HoldingOnAsync(long companyId, CancellationToken cancellationToken)
    {
        var target = await session.QuerySingleOrDefaultAsync<CompanyKey>("SELECT id, name, credit_code FROM companies WHERE id = @companyId", new { companyId }, cancellationToken);
        if (target is null)
        {
            return [];
        }

        var held = await session.QueryAsync<HeldClaim>(
            "SELECT c.id, c.company_id, co.name, co.credit_code FROM claims c JOIN companies co ON co.id = c.company_id WHERE c.status = 1 AND c.expires_on >= @today ORDER BY c.id",
            new { today = clock.Today },
            cancellationToken);
        var key = CompanyNames.KeyOf(target.Name);
        var ids = held
            .Where(h => h.CompanyId == companyId
                || (CompanyNames.KeyOf(h.Name) == key && key.Length > 0 && (h.CreditCode is null || target.CreditCode is null || h.CreditCode == target.CreditCode)))
            .Select(h => h.Id)
            .ToList();
        var rows = new List<ClaimResponse>();
        foreach (var id in ids)
        {
            rows.Add(await session.QuerySingleAsync<ClaimResponse>($"SELECT {Columns} FROM claims WHERE id = @id", new { id }, cancellationToken));
        }

        return rows;
    }

    /// <summary>The holder's name, as a refusal names it: the park's or the team's.</summary>
    public async Task<string> NameOfAsync(ClaimHolder holder, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(holder);
        return await session.ExecuteScalarAsync<string>(
            holder.ParkId is { } park ? "SELECT name FROM parks WHERE id = @id" : "SELECT name FROM teams WHERE id = @id",
            new { id = holder.ParkId ?? holder.TeamId },
            cancellationToken) ?? "";
    }

    /// <summary>The ids of the claims on a company, every state (what a merge of it moves).</summary>
    public async Task<IReadOnlyList<long>> OnCompanyAsync(long companyId, CancellationToken cancellationToken) =>
        [.. await session.QueryAsync<long>("SELECT id FROM claims WHERE company_id = @companyId ORDER BY id", new { companyId }, cancellationToken)];

    /// <summary>Moves a merged company's claims to the survivor of the merge (each claim's version moves on); answers them as they are after.</summary>
    public async Task<IReadOnlyList<ClaimResponse>> MoveCompanyAsync(long from, long to, CancellationToken cancellationToken)
    {
        var ids = await OnCompanyAsync(from, cancellationToken);
        await session.ExecuteAsync("UPDATE claims SET company_id = @to, updated_at = @now, version = version + 1 WHERE company_id = @from", new { from, to, now = clock.UtcNow }, cancellationToken);
        var moved = new List<ClaimResponse>();
        foreach (var id in ids)
        {
            moved.Add(await GetAsync(id, cancellationToken));
        }

        return moved;
    }

    private async Task AddEventAsync(long claimId, ClaimEventKind kind, string? reason, ClaimHolder? holder, long? dealId, CancellationToken cancellationToken, long? leadId = null) =>
        await session.ExecuteAsync(
            "INSERT INTO claim_events (claim_id, kind, on_date, at, by_user_id, reason, park_id, team_id, deal_id, lead_id) VALUES (@claimId, @kind, @on, @at, @by, @reason, @park, @team, @dealId, @leadId)",
            new { claimId, kind = (int)kind, on = clock.Today, at = clock.UtcNow, by = caller.UserId, reason, park = holder?.ParkId, team = holder?.TeamId, dealId, leadId },
            cancellationToken);

    private sealed record CompanyKey
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public string? CreditCode { get; init; }
    }

    private sealed record HeldClaim
    {
        public long Id { get; init; }

        public long CompanyId { get; init; }

        public string Name { get; init; } = "";

        public string? CreditCode { get; init; }
    }
}

/// <summary>The project a claim reports, which the office's thresholds are checked on: its intended investment, currency, whether foreign-funded, its sector.</summary>
public sealed record ClaimProject(long? IntendedMinor, string Currency, bool ForeignFunded, long? SectorId);
