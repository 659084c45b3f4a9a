namespace DealPipeline.Api.Features.Milestones;

/// <summary>The deal_needs table: quantities kept in thousandths of their unit (exact), read back as decimals.</summary>
public sealed class DealNeedStore(DbSession session, IClock clock)
{
    private const string Columns =
        "id, deal_id, kind, quantity_milli, requested_on, note, state, approved_milli, decided_on, decided_by, decision_note, by_user_id, created_at, version";

    public Task<long> AddAsync(long dealId, NeedKind kind, long quantityMilli, DateOnly requestedOn, string? note, long? byUserId, CancellationToken cancellationToken) =>
        session.QuerySingleAsync<long>(
            session.Dialect.InsertReturningId(
                "deal_needs",
                "deal_id, kind, quantity_milli, requested_on, note, state, by_user_id, created_at, version",
                "@dealId, @kind, @quantityMilli, @requestedOn, @note, @state, @byUserId, @now, 1"),
            new { dealId, kind = Names.Of(kind), quantityMilli, requestedOn, note = Clean(note), state = Names.Of(NeedState.Requested), byUserId, now = clock.UtcNow },
            cancellationToken);

    public async Task<NeedResponse> GetAsync(long id, CancellationToken cancellationToken) =>
        (await session.QuerySingleOrDefaultAsync<Row>($"SELECT {Columns} FROM deal_needs WHERE id = @id", new { id }, cancellationToken))?.ToResponse()
        ?? throw ProblemException.NotFound("need", id);

    public async Task<IReadOnlyList<NeedResponse>> OfDealAsync(long dealId, CancellationToken cancellationToken) =>
        [.. (await session.QueryAsync<Row>($"SELECT {Columns} FROM deal_needs WHERE deal_id = @dealId ORDER BY id", new { dealId }, cancellationToken)).Select(r => r.ToResponse())];

    /// <summary>Records the decision (412 if another request decided or changed the need since it was read).</summary>
    public async Task DecideAsync(NeedResponse need, NeedState state, long approvedMilli, DateOnly on, string? note, long? byUserId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(need);
        var updated = await session.ExecuteAsync(
            "UPDATE deal_needs SET state = @state, approved_milli = @approvedMilli, decided_on = @on, decided_by = @byUserId, decision_note = @note, version = version + 1 " +
            "WHERE id = @id AND version = @version",
            new { state = Names.Of(state), approvedMilli, on, byUserId, note = Clean(note), id = need.Id, version = need.Version },
            cancellationToken);
        if (updated == 0)
        {
            throw ProblemException.PreconditionFailed(need.Version + 1);
        }
    }

    /// <summary>
    /// The needs of the deals <paramref name="where"/> selects (over <c>deals d</c>) as they stood on <paramref name="asOf"/>: those asked for by
    /// then, decided only if decided by then.
    /// </summary>
    public async Task<IReadOnlyList<NeedResponse>> AsOfAsync(string where, Dapper.DynamicParameters args, DateOnly asOf, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(args);
        args.Add("needsAsOf", asOf);
        var rows = await session.QueryAsync<Row>(
            $"SELECT n.id, n.deal_id, n.kind, n.quantity_milli, n.requested_on, n.note, n.state, n.approved_milli, n.decided_on, n.decided_by, n.decision_note, n.by_user_id, n.created_at, n.version " +
            $"FROM deal_needs n JOIN deals d ON d.id = n.deal_id WHERE {where} AND n.requested_on <= @needsAsOf ORDER BY n.id",
            args,
            cancellationToken);
        return [.. rows.Select(r => (r.DecidedOn > asOf ? r with { State = Names.Of(NeedState.Requested), ApprovedMilli = null, DecidedOn = null, DecidedBy = null, DecisionNote = null } : r).ToResponse())];
    }

    private static string? Clean(string? note) => string.IsNullOrWhiteSpace(note) ? null : note.Trim();

    public sealed record Row
    {
        public long Id { get; init; }

        public long DealId { get; init; }

        public string Kind { get; init; } = "";

        public long QuantityMilli { get; init; }

        public DateOnly RequestedOn { get; init; }

        public string? Note { get; init; }

        public string State { get; init; } = "";

        public long? ApprovedMilli { get; init; }

        public DateOnly? DecidedOn { get; init; }

        public long? DecidedBy { get; init; }

        public string? DecisionNote { get; init; }

        public long? ByUserId { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public int Version { get; init; }

        public NeedResponse ToResponse() => new()
        {
            Id = Id,
            DealId = DealId,
            Kind = Names.TryParse<NeedKind>(Kind.Trim(), out var kind) ? kind : 0,
            Quantity = Needs.FromThousandths(QuantityMilli),
            RequestedOn = RequestedOn,
            Note = Note,
            State = Names.TryParse<NeedState>(State.Trim(), out var state) ? state : 0,
            ApprovedQuantity = ApprovedMilli is { } a ? Needs.FromThousandths(a) : null,
            DecidedOn = DecidedOn,
            DecidedBy = DecidedBy,
            DecisionNote = DecisionNote,
            ByUserId = ByUserId,
            CreatedAt = CreatedAt,
            Version = Version,
        };
    }
}
