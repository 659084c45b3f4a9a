using DealPipeline.Api.Features.FxRates;

namespace DealPipeline.Api.Features.Referrals;

/// <summary>
/// The referrers, reward schemes and referrals: every write of the Referrals area and the reads its use cases share,
/// including the reward's basis, a deal's funds in place converted to CNY at the rate in force on each one's day.
/// </summary>
public sealed class ReferralStore(DbSession session, FxRateStore rates, IClock clock, ICurrentUser caller)
{
    public const string ReferrerColumns = "id, kind, name, company_id, contact, registered_on, created_at, version";

    public const string SchemeColumns = "id, name, method, bands, cap_minor, created_at, version";

    private static readonly JsonSerializerOptions BandsJson = new(JsonSerializerDefaults.Web);

    public async Task<long> AddReferrerAsync(CreateReferrer referrer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referrer);
        return await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "referrers", "kind, name, company_id, contact, registered_on, by_user_id, created_at, version", "@kind, @name, @CompanyId, @contact, @on, @by, @now, 1"),
            new
            {
                kind = (int)referrer.Kind!.Value,
                name = referrer.Name!.Trim(),
                referrer.CompanyId,
                contact = string.IsNullOrWhiteSpace(referrer.Contact) ? null : referrer.Contact.Trim(),
                on = referrer.RegisteredOn ?? clock.Today,
                by = caller.UserId,
                now = clock.UtcNow,
            },
            cancellationToken);
    }

    public async Task<ReferrerResponse> GetReferrerAsync(long id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<ReferrerResponse>($"SELECT {ReferrerColumns} FROM referrers WHERE id = @id", new { id }, cancellationToken)
        ?? throw ProblemException.NotFound("referrer", id);

    /// <summary>Adds a scheme under a free name (409 otherwise); answers its id.</summary>
    public async Task<long> AddSchemeAsync(string name, RewardScheme scheme, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scheme);
        if (await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM reward_schemes WHERE name = @name", new { name }, cancellationToken) > 0)
        {
            throw ProblemException.Conflict(ProblemTexts.RewardSchemeNamedExists.With(("name", name)));
        }

        return await session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId("reward_schemes", "name, method, bands, cap_minor, created_at, version", "@name, @method, @bands, @cap, @now, 1"),
            new { name, method = (int)scheme.Method, bands = JsonSerializer.Serialize(scheme.Bands, BandsJson), cap = scheme.CapMinor, now = clock.UtcNow },
            cancellationToken);
    }

    public async Task<SchemeRow> GetSchemeAsync(long id, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<SchemeRow>($"SELECT {SchemeColumns} FROM reward_schemes WHERE id = @id", new { id }, cancellationToken)
        ?? throw ProblemException.NotFound("reward scheme", id);

    public async Task<bool> HasReferralAsync(long dealId, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM referrals WHERE deal_id = @dealId", new { dealId }, cancellationToken) > 0;

    public Task AddReferralAsync(long dealId, RecordReferral referral, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(referral);
        return session.ExecuteAsync(
            "INSERT INTO referrals (deal_id, referrer_id, scheme_id, confirmed_on, confirmation, by_user_id, created_at) VALUES (@dealId, @ReferrerId, @SchemeId, @ConfirmedOn, @confirmation, @by, @now)",
            new { dealId, referral.ReferrerId, referral.SchemeId, referral.ConfirmedOn, confirmation = referral.Confirmation!.Trim(), by = caller.UserId, now = clock.UtcNow },
            cancellationToken);
    }

    /// <summary>The deal's referral with the reward due on its funds in place up to today; a 404 when it has none.</summary>
    public async Task<ReferralResponse> GetReferralAsync(long dealId, CancellationToken cancellationToken)
    {
        var row = await session.QuerySingleOrDefaultAsync<ReferralResponse>(
            "SELECT deal_id, referrer_id, scheme_id, confirmed_on, confirmation, by_user_id, created_at FROM referrals WHERE deal_id = @dealId", new { dealId }, cancellationToken)
            ?? throw new ProblemException(StatusCodes.Status404NotFound, ProblemTexts.NotFound, ProblemTexts.DealHasNoReferral.With(("id", dealId)));
        var basis = await FundsInPlaceAsync(dealId, clock.Today, cancellationToken);
        var scheme = (await GetSchemeAsync(row.SchemeId, cancellationToken)).ToScheme();
        return row with { FundsInPlace = Money.FromMinor(basis), Reward = Money.FromMinor(scheme.RewardOf(basis)) };
    }

    /// <summary>The referrals of the deals the caller may see (by <paramref name="visible"/>, on alias d), in deal id order.</summary>
    public async Task<IReadOnlyList<ReferralRow>> ReferralsAsync(string visible, Dapper.DynamicParameters args, CancellationToken cancellationToken) =>
        [.. await session.QueryAsync<ReferralRow>(
            $"SELECT r.deal_id, r.referrer_id, r.scheme_id, d.name FROM referrals r JOIN deals d ON d.id = r.deal_id WHERE d.deleted_at IS NULL AND {visible} ORDER BY r.deal_id",
            args,
            cancellationToken)];

    /// <summary>
    /// A deal's funds in place that arrived on or before <paramref name="asOf"/>, in CNY fen: each amount converted at the rate in
    /// force on the day it arrived (rounded half away from zero to the fen), then summed.
    /// </summary>
    public async Task<long> FundsInPlaceAsync(long dealId, DateOnly asOf, CancellationToken cancellationToken)
    {
        var funds = await session.QueryAsync<FundsRow>(
            "SELECT f.on_date, f.amount_minor, d.currency FROM funds_in_place f JOIN deals d ON d.id = f.deal_id WHERE f.deal_id = @dealId AND f.on_date <= @asOf ORDER BY f.on_date, f.id",
            new { dealId, asOf },
            cancellationToken);
        var total = 0L;
        foreach (var day in funds.GroupBy(f => f.OnDate))
        {
            var table = await rates.InForceAsync(day.Key, cancellationToken);
            total += day.Sum(f => (long)table.ToCny(f.Currency.Trim(), f.AmountMinor));
        }

        return total;
    }

    /// <summary>A scheme as stored: its bands as JSON, in fen and hundredths of a per mille.</summary>
    public sealed record SchemeRow : IHasId
    {
        public long Id { get; init; }

        public string Name { get; init; } = "";

        public RewardMethod Method { get; init; }

        public string Bands { get; init; } = "[]";

        public long? CapMinor { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public int Version { get; init; }

        public RewardScheme ToScheme() => new(Method, JsonSerializer.Deserialize<List<RewardBand>>(Bands, BandsJson)!, CapMinor);

        public RewardSchemeResponse ToResponse() => new()
        {
            Id = Id,
            Name = Name,
            Method = Method,
            Bands = [.. ToScheme().Bands.Select(b => new RewardBandBody(Money.FromMinor(b.FromMinor), Money.FromMinor(b.ToMinor), b.RateCentiPermille / 100m))],
            Cap = Money.FromMinor(CapMinor),
            CreatedAt = CreatedAt,
            Version = Version,
        };
    }

    public sealed record ReferralRow
    {
        public long DealId { get; init; }

        public long ReferrerId { get; init; }

        public long SchemeId { get; init; }

        public string Name { get; init; } = "";
    }

    private sealed record FundsRow
    {
        public DateOnly OnDate { get; init; }

        public long AmountMinor { get; init; }

        public string Currency { get; init; } = "";
    }
}
